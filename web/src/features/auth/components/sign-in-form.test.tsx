import { screen, waitFor } from '@testing-library/react';
import { mockApi, type MockReply } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { sessionQueries } from '../api/session-queries';
import { SignInForm } from './sign-in-form';

describe('SignInForm', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('offers single sign-on, as a plain link to the server, when it is configured', async () => {
    const api = mockApi();
    api.get('/auth/methods', { body: { sso: true } });
    renderWithApp(<SignInForm />);

    const link = await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/login');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each<[string, MockReply]>([
    ['is not configured', { body: { sso: false } }],
    ['cannot be asked about', { status: 503, body: { statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: 'Down' } }],
  ])('shows only the password form when single sign-on %s', async (_case, reply) => {
    mockApi().get('/auth/methods', reply);
    const { queryClient } = renderWithApp(<SignInForm />);
    await waitFor(() => expect(queryClient.getQueryState(sessionQueries.methods().queryKey)?.fetchStatus).toBe('idle'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /single sign-on/ })).not.toBeInTheDocument();
  });

  it('explains why single sign-on sent the browser back', async () => {
    mockApi().get('/auth/methods', { body: { sso: true } });
    window.history.replaceState(null, '', '/?sso=denied');
    const { unmount } = renderWithApp(<SignInForm />);
    expect(screen.getByRole('alert')).toHaveTextContent('no active Soundings account has that email address');
    await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    unmount();

    window.history.replaceState(null, '', '/?sso=failed');
    renderWithApp(<SignInForm />);
    expect(screen.getByRole('alert')).toHaveTextContent('Single sign-on did not complete');
    await screen.findByRole('link', { name: 'Sign in with single sign-on' });
  });

  it('ignores an unknown value in the address', async () => {
    mockApi().get('/auth/methods', { body: { sso: true } });
    window.history.replaceState(null, '', '/?sso=%3Cscript%3E');
    renderWithApp(<SignInForm />);
    await screen.findByRole('link', { name: 'Sign in with single sign-on' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
