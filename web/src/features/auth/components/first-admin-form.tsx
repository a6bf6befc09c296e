import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { PASSWORD_RULES } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { useCreateFirstAdmin } from '../api/sign-in';
import { AuthCard } from './auth-card';

/** The one-time first-run page: until an admin exists, nothing else is reachable. */
export function FirstAdminForm() {
  const create = useCreateFirstAdmin();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const fields = fieldErrorsOf(create.error);
  const tooShort = password.length > 0 && [...password].length < PASSWORD_RULES.minLength;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort) return;
    create.mutate({ email, password, displayName: displayName || null });
  };

  return (
    <AuthCard
      title="Create the first admin"
      intro="Welcome to Soundings. This account will manage users and settings; you can invite your HR colleagues next."
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {create.isError && !Object.keys(fields).length && (
            <Alert color="red" variant="light" role="alert">
              {isApiError(create.error) ? create.error.message : 'This did not work. Try again.'}
            </Alert>
          )}
          <TextInput label="Your name" autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            error={fields.email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_RULES.minLength} characters. A few unrelated words make a strong one.`}
            autoComplete="new-password"
            required
            value={password}
            error={fields.password ?? (tooShort ? `At least ${PASSWORD_RULES.minLength} characters` : undefined)}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending} fullWidth mt="xs">
            Create admin and sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
