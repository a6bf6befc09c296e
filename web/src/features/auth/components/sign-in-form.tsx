import { Alert, Button, Divider, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { SingleSignOnRefusal } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { sessionQueries } from '../api/session-queries';
import { useSignIn } from '../api/sign-in';
import { AuthCard } from './auth-card';

/** The server's own sign-in route: a full page visit, since it redirects to the identity provider. */
export const SINGLE_SIGN_ON_URL = '/api/auth/oidc/login';

const REFUSALS: Record<SingleSignOnRefusal, string> = {
  denied: 'Your identity provider signed you in, but no active Soundings account has that email address. Ask a Soundings admin to add you.',
  failed: 'Single sign-on did not complete. Try again, or sign in with your password.',
};

/** The server sends the browser back to `/?sso=denied|failed` when single sign-on was refused. */
function refusalInAddress(): string | null {
  const value = new URLSearchParams(window.location.search).get('sso');
  return value && value in REFUSALS ? REFUSALS[value as SingleSignOnRefusal] : null;
}

export function SignInForm() {
  const signIn = useSignIn();
  const methods = useQuery(sessionQueries.methods());
  const [refusal] = useState(refusalInAddress);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <AuthCard title="Sign in" intro="Soundings holds confidential notes about named leaders. Sign in to continue.">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {signIn.isError ? (
            <Alert color="red" variant="light" role="alert">
              {isApiError(signIn.error) ? signIn.error.message : 'Signing in failed. Try again.'}
            </Alert>
          ) : (
            refusal && (
              <Alert color="red" variant="light" role="alert">
                {refusal}
              </Alert>
            )
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in
          </Button>
          {methods.data?.sso && (
            <>
              <Divider label="or" labelPosition="center" />
              <Button component="a" href={SINGLE_SIGN_ON_URL} variant="default" fullWidth>
                Sign in with single sign-on
              </Button>
            </>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}
