import { Alert, Button, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError, sessionRenewed } from '@/lib/api-client';
import { useSignIn } from '../api/sign-in';

export interface SignInAgainDialogProps {
  opened: boolean;
  /** The account whose session ended; signing in again continues as them. */
  email: string;
  onSignedIn: () => void;
  onCancel: () => void;
}

/** Signs in again over the screen, so what is on it (a half-written note) stays where it is. */
export function SignInAgainDialog({ opened, email, onSignedIn, onCancel }: SignInAgainDialogProps) {
  const signIn = useSignIn();
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      {
        onSuccess: () => {
          sessionRenewed();
          setPassword('');
          onSignedIn();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onCancel} title="Sign in again to save" centered closeOnClickOutside={false} closeButtonProps={{ 'aria-label': 'Close without signing in' }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">Your session ended, so nothing was saved yet. Sign in again and it is saved straight away; what you wrote stays on the form.</Text>
          {signIn.isError && (
            <Alert color="red" variant="light" role="alert">
              {isApiError(signIn.error) ? signIn.error.message : 'Signing in failed. Try again.'}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" value={email} readOnly />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            data-autofocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            Sign in and save
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
