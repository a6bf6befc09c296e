import { Alert, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PASSWORD_RULES } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useChangePassword } from '../api/change-password';

const EMPTY = { currentPassword: '', newPassword: '', repeated: '' };

const FIELDS: { field: keyof typeof EMPTY; label: string; autoComplete: string }[] = [
  { field: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
  { field: 'newPassword', label: 'New password', autoComplete: 'new-password' },
  { field: 'repeated', label: 'New password again', autoComplete: 'new-password' },
];

function problems(values: typeof EMPTY): Record<string, string> {
  const found: Record<string, string> = {};
  if (!values.currentPassword) found.currentPassword = 'Enter the password you signed in with.';
  if ([...values.newPassword].length < PASSWORD_RULES.minLength) found.newPassword = `At least ${PASSWORD_RULES.minLength} characters.`;
  else if (values.repeated !== values.newPassword) found.repeated = 'This is not the same as the new password.';
  return found;
}

/** Your own password: proven with the current one; every other session of yours ends when it changes. */
export function ChangePasswordForm() {
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(change.error);
  const generalError = change.error && Object.keys(serverErrors).length === 0 ? change.error : null;
  const errorFor = (field: keyof typeof EMPTY) => clientErrors[field] ?? fieldSentence(serverErrors[field]);

  const set = (field: keyof typeof EMPTY, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors(({ [field]: _removed, ...rest }) => rest);
    if (change.error) change.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problems(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY);
          notifications.show({ color: 'teal', title: 'Password changed', message: 'You stay signed in here; every other device was signed out.' });
        },
      },
    );
  };

  return (
    <Card component="section" aria-labelledby="change-password-heading">
      <Stack gap={4} mb="md">
        <Title order={2} fz="md" id="change-password-heading">
          Change password
        </Title>
        <Text size="sm" c="dimmed">
          At least {PASSWORD_RULES.minLength} characters; a few unrelated words make a strong one. Every other device you are
          signed in on is signed out.
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {generalError && (
            <Alert color="red" variant="light" role="alert">
              {generalError.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {FIELDS.map(({ field, label, autoComplete }) => (
              <PasswordInput
                key={field}
                label={label}
                autoComplete={autoComplete}
                required
                value={values[field]}
                error={errorFor(field)}
                onChange={(event) => set(field, event.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
