import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aSession } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { AuthGate } from './auth-gate';
import { UserMenu } from './user-menu';

describe('UserMenu', () => {
  it('links to the account page, and signing out swaps the app for the sign-in page and forgets the notes', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/setup', { body: { needsFirstAdmin: false } });
    api.get('/auth/me', { body: aSession() });
    api.get('/auth/methods', { body: { password: true, sso: false } });
    api.post('/auth/logout', { status: 204 });
    const { queryClient } = renderWithApp(
      <AuthGate>
        <UserMenu />
        <p>campaign data</p>
      </AuthGate>,
    );
    queryClient.setQueryData(['stakeholders', 'detail', 's-1'], { name: 'Priya Raman' });

    await user.click(await screen.findByRole('button', { name: /^Account:/ }));
    expect(await screen.findByRole('menuitem', { name: 'My account and API tokens' })).toHaveAttribute('href', '/account');
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('campaign data')).not.toBeInTheDocument();
    expect(api.requestsTo('POST', '/auth/logout')).toHaveLength(1);
    await waitFor(() => expect(queryClient.getQueryData(['stakeholders', 'detail', 's-1'])).toBeUndefined());
  });
});
