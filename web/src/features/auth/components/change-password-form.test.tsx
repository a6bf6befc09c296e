import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '@soundings/shared';
import { apiClient } from '@/lib/api-client';
import { mockApi } from '@/testing/api-mock';
import { aSession } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { sessionQueries } from '../api/session-queries';
import { ChangePasswordForm } from './change-password-form';

const CURRENT = 'correct horse battery staple';
const NEXT = 'a different long passphrase';

async function fill(user: ReturnType<typeof userEvent.setup>, values: { current: string; next: string; again: string }) {
  await user.type(screen.getByLabelText(/^Current password/, { selector: 'input' }), values.current);
  await user.type(screen.getByLabelText(/^New password(?! again)/, { selector: 'input' }), values.next);
  await user.type(screen.getByLabelText(/^New password again/, { selector: 'input' }), values.again);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ChangePasswordForm', () => {
  it('sends the current and the new password, and keeps the fresh session the server hands back', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    const rotated = { ...aSession(), csrfToken: 'csrf-after-change' };
    api.post('/auth/password', { body: rotated });
    const { queryClient } = renderWithApp(<ChangePasswordForm />, { role: 'viewer' });

    await fill(user, { current: CURRENT, next: NEXT, again: NEXT });

    await waitFor(() => expect(api.requestsTo('POST', '/auth/password')).toHaveLength(1));
    expect(api.requestsTo('POST', '/auth/password')[0].body).toEqual({ currentPassword: CURRENT, newPassword: NEXT });
    await waitFor(() => expect(queryClient.getQueryData(sessionQueries.current().queryKey)).toEqual(rotated));
    // Later writes carry the new session's CSRF token.
    api.post('/auth/tokens', { status: 201, body: {} });
    await apiClient.post('/auth/tokens', { name: 'after' });
    expect(api.requestsTo('POST', '/auth/tokens')[0].headers.get(CSRF_HEADER)).toBe('csrf-after-change');
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Current password/, { selector: 'input' })).toHaveValue('');
  });

  it('checks length and the repeat before sending anything', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    renderWithApp(<ChangePasswordForm />);

    await fill(user, { current: CURRENT, next: 'too short', again: 'too short' });
    expect(screen.getByText('At least 15 characters.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^New password(?! again)/, { selector: 'input' }));
    await user.type(screen.getByLabelText(/^New password(?! again)/, { selector: 'input' }), NEXT);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByText('This is not the same as the new password.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/auth/password')).toHaveLength(0);
  });

  it("shows the server's answer about a wrong current password next to that field", async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/auth/password', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Some fields are not valid: currentPassword is not your current password',
        fields: [{ field: 'currentPassword', message: 'is not your current password' }],
      },
    });
    renderWithApp(<ChangePasswordForm />);

    await fill(user, { current: 'a wrong password guess', next: NEXT, again: NEXT });
    expect(await screen.findByText('Is not your current password.')).toBeInTheDocument();
  });
});
