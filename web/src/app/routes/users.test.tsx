import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aSession, aUser } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { UsersRoute } from './users';

const admin = aUser();
const sam = aUser({ id: 'u-2', email: 'sam@example.test', displayName: 'Sam Okoro', role: 'practitioner', version: 4 });

function serveUsers(api: ReturnType<typeof mockApi>) {
  api.get('/auth/me', { body: aSession() });
  api.get('/users', { body: [admin, sam] });
}

describe('Users page', () => {
  it('is for admins only', async () => {
    const api = mockApi();
    serveUsers(api);
    renderWithApp(<UsersRoute />, { role: 'practitioner' });
    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/users')).toHaveLength(0);
  });

  it('lists accounts; the signed-in admin cannot change or deactivate themselves here', async () => {
    const api = mockApi();
    serveUsers(api);
    renderWithApp(<UsersRoute />, { role: 'admin' });

    const table = await screen.findByRole('table', { name: 'Users' });
    const own = within(table).getByText('Hana Lead').closest('tr')!;
    expect(within(own).getByText('You')).toBeInTheDocument();
    expect(within(own).queryByRole('button', { name: /deactivate/i })).not.toBeInTheDocument();
    const other = within(table).getByText('Sam Okoro').closest('tr')!;
    expect(within(other).getByRole('combobox', { name: 'Role of Sam Okoro' })).toHaveValue('Practitioner');
    expect(within(other).getByRole('button', { name: 'Deactivate Sam Okoro' })).toBeInTheDocument();
  });

  it('changes a role with the version the admin saw', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveUsers(api);
    api.patch('/users/:id', ({ body }) => ({ body: { ...sam, ...(body as object), version: 5 } }));
    renderWithApp(<UsersRoute />, { role: 'admin' });

    await user.click(await screen.findByRole('combobox', { name: 'Role of Sam Okoro' }));
    await user.click(await screen.findByRole('option', { name: 'Viewer' }));

    await waitFor(() => expect(api.requestsTo('PATCH', '/users/u-2')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/users/u-2')[0].body).toEqual({ role: 'viewer', version: 4 });
  });

  it('asks before deactivating, saying that their sessions end at once', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveUsers(api);
    api.patch('/users/:id', { body: { ...sam, active: false, version: 5 } });
    renderWithApp(<UsersRoute />, { role: 'admin' });

    await user.click(await screen.findByRole('button', { name: 'Deactivate Sam Okoro' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Sam Okoro?' });
    expect(within(dialog).getByText('Their sessions end at once.')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/users/u-2')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Deactivate and sign out' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/users/u-2')[0]?.body).toEqual({ active: false, version: 4 }));
  });

  it('issues a reset link for someone else and shows it once, whole, with a copy button', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveUsers(api);
    api.post('/users/:id/password-reset', {
      status: 201,
      body: { userId: 'u-2', token: 'tok-abc', path: '/reset-password?token=tok-abc', expiresAt: '2026-12-02T10:00:00.000Z' },
    });
    renderWithApp(<UsersRoute />, { role: 'admin' });

    const table = await screen.findByRole('table', { name: 'Users' });
    const own = within(table).getByText('Hana Lead').closest('tr')!;
    expect(within(own).queryByRole('button', { name: /reset link/i })).not.toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Issue reset link for Sam Okoro' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reset link for Sam Okoro' });
    expect(api.requestsTo('POST', '/users/u-2/password-reset')).toHaveLength(1);
    expect(within(dialog).getByLabelText('Password reset link')).toHaveTextContent(`${window.location.origin}/reset-password?token=tok-abc`);
    expect(within(dialog).getByRole('button', { name: 'Copy the link' })).toBeInTheDocument();
    expect(within(dialog).getByText(/shown only once/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText(/tok-abc/)).not.toBeInTheDocument();
  });

  it('adds a user and shows the API field messages next to the fields', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveUsers(api);
    api.post('/users', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Some fields are not valid',
        fields: [
          { field: 'email', message: 'is already used by another account' },
          { field: 'password', message: 'is one of the most commonly used passwords; choose another' },
        ],
      },
    });
    renderWithApp(<UsersRoute />, { role: 'admin' });
    await screen.findByRole('table', { name: 'Users' });

    await user.click(screen.getByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a user' });
    await user.type(within(dialog).getByRole('textbox', { name: /email/i }), 'sam@example.test');
    await user.click(within(dialog).getByRole('radio', { name: /viewer/i }));
    await user.type(within(dialog).getByLabelText('Password', { selector: 'input' }), 'passwordpassword');
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));

    expect(await within(dialog).findByText('Is already used by another account.')).toBeInTheDocument();
    expect(within(dialog).getByText('Is one of the most commonly used passwords; choose another.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/users')[0].body).toEqual({
      email: 'sam@example.test',
      displayName: null,
      role: 'viewer',
      password: 'passwordpassword',
    });
  });
});
