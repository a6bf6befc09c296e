import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { ERROR_CODES, PASSWORD_RESET_PATH, PASSWORD_RULES } from '@soundings/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useResetPassword } from '../api/reset-password';
import { AuthCard } from './auth-card';

/** The token from the link, taken out of the address bar (and so out of the history) once read. */
function useTokenFromLink(): string {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  useEffect(() => {
    if (token) window.history.replaceState(window.history.state, '', PASSWORD_RESET_PATH);
  }, [token]);
  return token;
}

/** Where an admin's reset link leads: reachable without signing in, and usable once. */
export function ResetPasswordPage() {
  const token = useTokenFromLink();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(reset.error);
  const linkRefused = isApiError(reset.error) && reset.error.code === ERROR_CODES.resetTokenInvalid;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if ([...password].length < PASSWORD_RULES.minLength) found.newPassword = `At least ${PASSWORD_RULES.minLength} characters.`;
    else if (repeated !== password) found.repeated = 'This is not the same as the new password.';
    setClientErrors(found);
    if (Object.keys(found).length === 0) reset.mutate({ token, newPassword: password });
  };

  if (reset.isSuccess) {
    return (
      <AuthCard title="Your password is set" intro="Sign in with your email address and the new password.">
        <Button component="a" href="/" fullWidth>
          Go to sign in
        </Button>
      </AuthCard>
    );
  }
  if (!token || linkRefused) {
    return (
      <AuthCard title="This link does not work" intro="A reset link works once, for 24 hours, and only the newest one an admin issued.">
        <Alert color="red" variant="light" role="alert">
          {linkRefused ? reset.error?.message : 'The link is incomplete. Open it exactly as the admin sent it.'}
        </Alert>
        <Text size="sm">
          Ask an admin for a new link, or <Anchor href="/">sign in</Anchor> if you know your password.
        </Text>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set a new password" intro="An admin sent you this link. Choose the password you will sign in with from now on.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {reset.isError && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {reset.error?.message}
            </Alert>
          )}
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_RULES.minLength} characters. A few unrelated words make a strong one.`}
            autoComplete="new-password"
            required
            autoFocus
            value={password}
            error={clientErrors.newPassword ?? fieldSentence(serverErrors.newPassword)}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            required
            value={repeated}
            error={clientErrors.repeated}
            onChange={(event) => setRepeated(event.currentTarget.value)}
          />
          <Button type="submit" loading={reset.isPending} fullWidth mt="xs">
            Set password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
