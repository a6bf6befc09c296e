import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aSounding, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { NewSoundingRoute } from './new-sounding';

describe('Log a sounding page', () => {
  it('recalls the agreed next step, then returns to the person once the sounding is saved', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/stakeholders/:id', { body: aStakeholder({ id: 's-1', name: 'Priya Raman', commitment: 'sounded' }) });
    api.get('/stakeholders/:id/soundings', {
      body: [aSounding({ heldOn: '2025-01-10', nextStep: 'Send the pilot outline', followUpOn: '2025-02-01' })],
    });
    api.post('/stakeholders/:id/soundings', { status: 201, body: aSounding({ id: 'snd-2' }) });
    renderWithApp(<NewSoundingRoute />, {
      url: '/stakeholders/s-1/soundings/new',
      path: '/stakeholders/:stakeholderId/soundings/new',
      otherRoutes: ['/stakeholders/:stakeholderId'],
    });

    expect(await screen.findByRole('heading', { name: 'Log a sounding with Priya Raman' })).toBeInTheDocument();
    expect(await screen.findByText('Send the pilot outline')).toBeInTheDocument();
    expect(screen.getByText(/overdue by \d+ days/)).toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: /what did they say/i }));
    await user.paste('Read the outline; wants to see a pilot budget.');
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));

    expect(await screen.findByTestId('navigated')).toHaveTextContent('page /stakeholders/:stakeholderId');
    expect(await screen.findByText('Sounding saved')).toBeInTheDocument();
  });

  it('says the last agreed next step is withheld when the last sounding is another author\'s confidential one', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id', { body: aStakeholder({ id: 's-1', name: 'Priya Raman', commitment: 'open' }) });
    api.get('/stakeholders/:id/soundings', {
      body: [aSounding({ heldOn: '2025-01-10', confidential: true, redacted: true, nextStep: null, summary: '', followUpOn: '2025-02-01' })],
    });
    renderWithApp(<NewSoundingRoute />, { url: '/stakeholders/s-1/soundings/new', path: '/stakeholders/:stakeholderId/soundings/new' });

    const recall = (await screen.findByText(/Agreed next step:/)).closest('p')!;
    expect(recall).toHaveTextContent('Confidential: only its author and admins can read it.');
    expect(recall).not.toHaveTextContent('none recorded');
  });
});
