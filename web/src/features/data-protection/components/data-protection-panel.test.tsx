import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { DataProtectionPanel } from './data-protection-panel';

const person = { id: 's-1', name: 'Priya Raman', erasedAt: null };
const erased = { stakeholderId: 's-1', erasedAt: '2026-11-26T10:00:00.000Z', name: 'Erased person', soundings: 2, fears: 1, levelChangeReasons: 0, briefings: 0, reportingLinksRemoved: 0, influencesRemoved: 0, mentionsRemoved: 0 };

describe('DataProtectionPanel', () => {
  it('is not offered to viewers', () => {
    renderWithApp(<DataProtectionPanel stakeholder={person} />, { role: 'viewer' });
    expect(screen.queryByRole('button', { name: /Export/ })).not.toBeInTheDocument();
  });

  it('lets a practitioner export but only an admin erase', async () => {
    renderWithApp(<DataProtectionPanel stakeholder={person} />, { role: 'practitioner' });
    expect(await screen.findByRole('button', { name: 'Export everything (JSON)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Erase this person' })).not.toBeInTheDocument();
  });

  it('erases only after the admin types the person\'s name', async () => {
    const api = mockApi();
    api.post('/stakeholders/:id/erase', { body: erased });
    const onErased = jest.fn();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<DataProtectionPanel stakeholder={person} onErased={onErased} />, { role: 'admin' });

    await user.click(await screen.findByRole('button', { name: 'Erase this person' }));
    const confirm = await screen.findByRole('button', { name: 'Erase permanently' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('Type "Priya Raman" to confirm'), 'Priya');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('Type "Priya Raman" to confirm'), ' Raman');
    await user.click(confirm);

    await waitFor(() => expect(onErased).toHaveBeenCalled());
    expect(api.requestsTo('POST', '/stakeholders/:id/erase')).toHaveLength(1);
  });
});
