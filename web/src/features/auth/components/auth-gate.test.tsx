import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { AuthGate } from './auth-gate';

const admin = { id: 'u-1', email: 'lead@example.test', displayName: 'Hana Lead', role: 'admin', active: true, createdAt: '2026-01-01T00:00:00.000Z', version: 1 };

describe('AuthGate', () => {
  it('shows only the first-admin page on a new installation, then the app once created', async () => {
    const api = mockApi();
    api.get('/setup', { body: { needsFirstAdmin: true } });
    api.post('/setup/first-admin', { status: 201, body: { user: admin, csrfToken: 'csrf-1' } });
    renderWithApp(<AuthGate>campaign data</AuthGate>);

    expect(await screen.findByRole('heading', { name: 'Create the first admin' })).toBeInTheDocument();
    expect(screen.queryByText('campaign data')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), 'lead@example.test');
    await user.type(screen.getByLabelText(/Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create admin and sign in' }));
    expect(screen.getByText('At least 15 characters')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.type(screen.getByLabelText(/Password/), ' enough words now');
    await user.click(screen.getByRole('button', { name: 'Create admin and sign in' }));
    expect(await screen.findByText('campaign data')).toBeInTheDocument();
  });

  it('asks to sign in when there is no session, and shows the server\'s answer to a wrong password', async () => {
    const api = mockApi();
    api.get('/setup', { body: { needsFirstAdmin: false } });
    api.get('/auth/me', { status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Sign in to continue.' } });
    api.post('/auth/login', { status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Email or password is incorrect.' } });
    renderWithApp(<AuthGate>campaign data</AuthGate>);

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Email/), 'lead@example.test');
    await user.type(screen.getByLabelText(/Password/), 'not the right password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(screen.queryByText('campaign data')).not.toBeInTheDocument();
  });
});
