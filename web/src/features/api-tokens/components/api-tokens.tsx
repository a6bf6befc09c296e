import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS, type ApiToken } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { fieldErrorsOf } from '@/lib/api-client';
import { formatDateTime } from '@/lib/dates';
import { fieldSentence } from '@/lib/format';
import { apiTokenQueries } from '../api/api-token-queries';
import { useCreateApiToken } from '../api/create-api-token';
import { useRevokeApiToken } from '../api/revoke-api-token';
import { NewTokenModal } from './new-token-modal';
import { TableRegion } from '@/components/table-region';

function RevokeTokenModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const revoke = useRevokeApiToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={token !== null} onClose={close} title={`Revoke “${token?.name ?? ''}”?`}>
      {token && (
        <Stack gap="md">
          <Text size="sm">Scripts using this token stop working at once. This cannot be undone; create a new token if you need one.</Text>
          {revoke.isError && (
            <Alert color="red" variant="light" role="alert">
              {revoke.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={revoke.isPending}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'gray', title: 'Token revoked', message: `“${token.name}” no longer works.` });
                  },
                })
              }
            >
              Revoke token
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The signed-in user's tokens for scripts: create one (its secret shown once), see when each was last used, revoke. */
export function ApiTokens() {
  const tokens = useQuery(apiTokenQueries.list());
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const serverErrors = fieldErrorsOf(create.error);
  const generalError = create.error && Object.keys(serverErrors).length === 0 ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Name the token after what will use it, e.g. “weekly export script”.');
      return;
    }
    setNameError(null);
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };

  let list;
  if (tokens.isPending) list = <LoadingState label="Loading your tokens…" minHeight={120} />;
  else if (tokens.isError) list = <ErrorState error={tokens.error} title="Your tokens could not be loaded" onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.length === 0) {
    list = <EmptyState compact icon={<IconKey size={22} />} title="No tokens" description="You have no API tokens. Scripts cannot act as you." />;
  } else {
    list = (
      <TableRegion label="API tokens" minWidth={560}>
        <Table verticalSpacing="sm" aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th w={190}>Created</Table.Th>
              <Table.Th w={190}>Last used</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {token.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
    );
  }

  return (
    <Card component="section" aria-labelledby="api-tokens-heading">
      <Stack gap="md">
        <div>
          <Title order={2} fz="md" id="api-tokens-heading">
            API tokens
          </Title>
          <Text size="sm" c="dimmed">
            For scripts that read or write Soundings as you (<Text span ff="monospace" size="xs">Authorization: Bearer …</Text>). A
            token has your role and stops working if your account is deactivated.
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm">
            <TextInput
              label="New token name"
              placeholder="Weekly export script"
              maxLength={LIMITS.shortText}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setNameError(null);
              }}
              error={nameError ?? fieldSentence(serverErrors.name)}
              style={{ flex: '1 1 260px' }}
              maw={420}
            />
            <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending} mt={25}>
              Create token
            </Button>
          </Group>
        </form>
        {generalError && (
          <Alert color="red" variant="light" role="alert" title="The token was not created">
            {generalError.message}
          </Alert>
        )}
        {list}
      </Stack>
      <NewTokenModal created={create.data ?? null} onDone={() => create.reset()} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}
