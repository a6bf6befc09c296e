import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { ResetPasswordPage } from './reset-password-page';

const NEXT = 'a different long passphrase';

async function setPassword(user: ReturnType<typeof userEvent.setup>, password: string, again = password) {
  await user.type(screen.getByLabelText(/^New password(?! again)/, { selector: 'input' }), password);
  await user.type(screen.getByLabelText(/^New password again/, { selector: 'input' }), again);
  await user.click(screen.getByRole('button', { name: 'Set password' }));
}

describe('ResetPasswordPage', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('sends the token from the link with the new password, takes the token out of the address bar, then offers sign-in', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/auth/password-reset', { status: 204 });
    window.history.replaceState(null, '', '/reset-password?token=tok-123');
    renderWithApp(<ResetPasswordPage />);
    expect(window.location.search).toBe('');
    expect(window.location.pathname).toBe('/reset-password');

    await setPassword(user, NEXT);

    await waitFor(() => expect(api.requestsTo('POST', '/auth/password-reset')).toHaveLength(1));
    expect(api.requestsTo('POST', '/auth/password-reset')[0].body).toEqual({ token: 'tok-123', newPassword: NEXT });
    expect(await screen.findByRole('heading', { name: 'Your password is set' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/');
  });

  it('checks the password before sending it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    window.history.replaceState(null, '', '/reset-password?token=tok-123');
    renderWithApp(<ResetPasswordPage />);
    await setPassword(user, 'too short');
    expect(screen.getByText('At least 15 characters.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/auth/password-reset')).toHaveLength(0);
  });

  it('says so when the link was used, expired or replaced', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/auth/password-reset', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'reset_token_invalid',
        message: 'This reset link is not valid: it was already used, it has expired, or a newer one replaced it. Ask an admin for a new one.',
        fields: [{ field: 'token', message: 'is not a valid reset link' }],
      },
    });
    window.history.replaceState(null, '', '/reset-password?token=used-one');
    renderWithApp(<ResetPasswordPage />);
    await setPassword(user, NEXT);
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('already used');
  });

  it('explains a link without a token, and offers no form', () => {
    mockApi();
    window.history.replaceState(null, '', '/reset-password');
    renderWithApp(<ResetPasswordPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('The link is incomplete');
    expect(screen.queryByRole('button', { name: 'Set password' })).not.toBeInTheDocument();
  });
});
