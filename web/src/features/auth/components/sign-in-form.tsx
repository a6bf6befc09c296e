import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { useSignIn } from '../api/sign-in';
import { AuthCard } from './auth-card';

export function SignInForm() {
  const signIn = useSignIn();
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
          {signIn.isError && (
            <Alert color="red" variant="light" role="alert">
              {isApiError(signIn.error) ? signIn.error.message : 'Signing in failed. Try again.'}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
