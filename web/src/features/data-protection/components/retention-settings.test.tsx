import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { RetentionSettings } from './retention-settings';

const settings = { redactSoundingsAfterMonths: null, retentionLastRunAt: null, updatedAt: '2026-11-01T00:00:00.000Z', version: 3 };

describe('RetentionSettings', () => {
  it('is off by default and turns on with a number of months, sending the version it loaded', async () => {
    const api = mockApi();
    api.get('/settings', { body: settings });
    api.put('/settings', ({ body }) => ({ body: { ...settings, ...(body as object), version: 4 } }));
    const user = userEvent.setup({ delay: null });
    renderWithApp(<RetentionSettings />, { role: 'admin' });

    const toggle = await screen.findByRole('switch', { name: 'Remove old sounding text' });
    expect(toggle).not.toBeChecked();
    expect(screen.getByLabelText('Keep the words for (months)')).toBeDisabled();
    await user.click(toggle);
    const months = screen.getByLabelText('Keep the words for (months)');
    await user.clear(months);
    await user.type(months, '18');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.requestsTo('PUT', '/settings')).toHaveLength(1));
    expect(api.requestsTo('PUT', '/settings')[0].body).toEqual({ redactSoundingsAfterMonths: 18, version: 3 });
  });
});
