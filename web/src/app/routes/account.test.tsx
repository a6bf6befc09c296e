import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { anApiToken, aSession } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { AccountRoute } from './account';

const SECRET = 'snd_3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6';

describe('My account page', () => {
  it('shows a new token once, with a copy button and a warning, then only its name', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/auth/me', { body: aSession({ role: 'viewer', displayName: 'Vic Viewer' }) });
    const tokens = [anApiToken()];
    api.get('/auth/tokens', () => ({ body: tokens }));
    api.post('/auth/tokens', () => {
      const created = anApiToken({ id: 't-2', name: 'Board pack', createdAt: '2025-03-01T09:00:00.000Z' });
      tokens.unshift(created);
      return { status: 201, body: { ...created, token: SECRET } };
    });
    renderWithApp(<AccountRoute />, { role: 'viewer' });

    expect(await screen.findByText('Vic Viewer')).toBeInTheDocument();
    await screen.findByRole('table', { name: 'API tokens' });
    await user.type(screen.getByRole('textbox', { name: 'New token name' }), 'Board pack');
    await user.click(screen.getByRole('button', { name: 'Create token' }));

    const dialog = await screen.findByRole('dialog', { name: 'Copy your new token now' });
    expect(within(dialog).getByText(SECRET)).toBeInTheDocument();
    expect(within(dialog).getByText('This is the only time it is shown')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy the token' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/auth/tokens')[0].body).toEqual({ name: 'Board pack' });

    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'API tokens' })).getByText('Board pack')).toBeInTheDocument();
  });

  it('revokes a token after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/auth/me', { body: aSession({ role: 'practitioner' }) });
    let tokens = [anApiToken()];
    api.get('/auth/tokens', () => ({ body: tokens }));
    api.delete('/auth/tokens/:id', () => {
      tokens = [];
      return { status: 204 };
    });
    renderWithApp(<AccountRoute />);

    await user.click(await screen.findByRole('button', { name: 'Revoke Weekly export script' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke “Weekly export script”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }));

    await waitFor(() => expect(api.requestsTo('DELETE', '/auth/tokens/t-1')).toHaveLength(1));
    expect(await screen.findByText('No tokens')).toBeInTheDocument();
  });

  it('sets your display name with the version you loaded, shows it at once, and says why a name is refused', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    const session = aSession({ role: 'viewer', displayName: null, email: 'vic@example.test', version: 4 });
    api.get('/auth/me', { body: session });
    api.get('/auth/tokens', { body: [] });
    api.patch('/auth/me', () => ({ body: { ...session.user, displayName: 'Vic Ortega', version: 5 } }));
    renderWithApp(<AccountRoute />, { role: 'viewer' });

    expect(await screen.findByText('Not set (shown by your email)')).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Display name' });
    await user.type(field, '42');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText(/letter/)).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/auth/me')).toHaveLength(0);

    await user.clear(field);
    await user.type(field, '  Vic Ortega ');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved. You are now shown as Vic Ortega.');
    expect(api.requestsTo('PATCH', '/auth/me')[0].body).toEqual({ displayName: 'Vic Ortega', version: 4 });
    expect(screen.getAllByText('Vic Ortega').length).toBeGreaterThan(0);
  });
});
