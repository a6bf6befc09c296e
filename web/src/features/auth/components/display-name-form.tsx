import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { LIMITS, type User } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence, textError } from '@/lib/format';
import { useUpdateOwnAccount } from '../api/update-own-account';

/** How the app names you: in the account menu, on printed briefs and in the audit trail's lists. */
export function DisplayNameForm({ user }: { user: User }) {
  const update = useUpdateOwnAccount();
  const [name, setName] = useState(user.displayName ?? '');
  const [typedError, setTypedError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const stale = isApiError(update.error) && update.error.status === 409;
  const serverError = fieldSentence(fieldErrorsOf(update.error).displayName);
  const generalError = update.error && !serverError ? (stale ? 'Your account was changed elsewhere; the name shown now is the current one. Try again.' : update.error.message) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problem = trimmed ? textError(trimmed, 'name') : undefined;
    setTypedError(problem);
    setSaved(false);
    if (problem) return;
    update.mutate({ displayName: trimmed || null, version: user.version }, {
        onSuccess: (updated) => {
          setName(updated.displayName ?? '');
          setSaved(true);
        },
      });
  };

  return (
    <Card component="section" aria-labelledby="display-name-heading">
      <Stack gap={4} mb="md">
        <Title order={2} fz="md" id="display-name-heading">
          Your name
        </Title>
        <Text size="sm" c="dimmed">
          How Soundings names you: in the account menu and on the briefs you print. Leave it empty to be shown by your email.
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Display name"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setTypedError(undefined);
              setSaved(false);
              if (update.error) update.reset();
            }}
            error={typedError ?? serverError}
            maxLength={LIMITS.name}
            autoComplete="name"
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" mt={{ base: 0, sm: 25 }} loading={update.isPending}>
            Save name
          </Button>
        </Group>
        {generalError && (
          <Text role="alert" size="sm" c="red.8" mt="xs">
            {generalError}
          </Text>
        )}
        {saved && (
          <Text role="status" size="sm" c="teal.9" mt="xs">
            Saved. You are now shown as {user.displayName ?? user.email}.
          </Text>
        )}
      </form>
    </Card>
  );
}
