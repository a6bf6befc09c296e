import { Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { USER_ROLE_LABELS, USER_ROLES, type IssuedPasswordReset, type User, type UserRole } from '@soundings/shared';
import { useState } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/dates';
import { fieldSentence } from '@/lib/format';
import { useIssuePasswordReset } from '../api/issue-password-reset';
import { useUpdateUser } from '../api/update-user';
import { DeactivateUserModal } from './deactivate-user-modal';
import { ResetLinkModal } from './reset-link-modal';
import { ROLE_DESCRIPTIONS } from './role-descriptions';
import { TableRegion } from '@/components/table-region';

const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABELS[role] }));

function nameOf(user: User): string {
  return user.displayName ?? user.email;
}

function notifyRefused(user: User, error: Error) {
  const conflict = isApiError(error) && error.isVersionConflict;
  const fieldMessage = Object.values(fieldErrorsOf(error))[0];
  notifications.show({
    color: conflict ? 'orange' : 'red',
    title: conflict ? 'Another admin changed this account' : `${nameOf(user)} was not changed`,
    message: conflict
      ? 'The list now shows their change. Check it and try again.'
      : fieldMessage
        ? `This ${fieldSentence(fieldMessage)?.toLowerCase()}`
        : error.message,
  });
}

interface UsersTableProps {
  users: User[];
  /** The signed-in admin: they cannot lock themselves out from here. */
  currentUserId: string;
}

export function UsersTable({ users, currentUserId }: UsersTableProps) {
  const updateUser = useUpdateUser();
  const [confirming, setConfirming] = useState<User | null>(null);
  const [deactivateError, setDeactivateError] = useState<Error | null>(null);
  const issueReset = useIssuePasswordReset();
  const [issued, setIssued] = useState<{ user: User; reset: IssuedPasswordReset } | null>(null);

  const issueResetLink = (user: User) =>
    issueReset.mutate(user.id, {
      onSuccess: (reset) => setIssued({ user, reset }),
      onError: (error) => notifyRefused(user, error),
    });

  const changeRole = (user: User, role: UserRole) =>
    updateUser.mutate(
      { user, changes: { role } },
      {
        onSuccess: (saved) =>
          notifications.show({ color: 'teal', title: 'Role changed', message: `${nameOf(saved)} is now ${USER_ROLE_LABELS[saved.role].toLowerCase()}.` }),
        onError: (error) => notifyRefused(user, error),
      },
    );

  const setActive = (user: User, active: boolean) =>
    updateUser.mutate(
      { user, changes: { active } },
      {
        onSuccess: (saved) => {
          setConfirming(null);
          notifications.show({
            color: active ? 'teal' : 'gray',
            title: active ? 'Account reactivated' : 'Account deactivated',
            message: active ? `${nameOf(saved)} can sign in again.` : `${nameOf(saved)} has been signed out everywhere.`,
          });
        },
        onError: (error) => (active ? notifyRefused(user, error) : setDeactivateError(error)),
      },
    );

  return (
    <>
      <TableRegion label="Users" minWidth={880}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th w={190}>Role</Table.Th>
              <Table.Th w={130}>Status</Table.Th>
              <Table.Th w={130}>Added</Table.Th>
              <Table.Th w={300} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const self = user.id === currentUserId;
              return (
                // A grey ground marks a deactivated account; fading the row would take its text below AA contrast.
                <Table.Tr key={user.id} bg={user.active ? undefined : 'gray.1'}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {nameOf(user)}
                        </Text>
                        {self && (
                          <Badge size="xs" variant="light">
                            You
                          </Badge>
                        )}
                      </Group>
                      {user.displayName && (
                        <Text size="xs" c="dimmed">
                          {user.email}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {self || !user.active ? (
                      <Tooltip label={self ? 'Another admin can change your role' : ROLE_DESCRIPTIONS[user.role]} withArrow>
                        <Text size="sm">{USER_ROLE_LABELS[user.role]}</Text>
                      </Tooltip>
                    ) : (
                      <Select
                        size="xs"
                        w={160}
                        aria-label={`Role of ${nameOf(user)}`}
                        data={ROLE_OPTIONS}
                        value={user.role}
                        allowDeselect={false}
                        disabled={updateUser.isPending}
                        onChange={(value) => value && value !== user.role && changeRole(user, value as UserRole)}
                        comboboxProps={{ withinPortal: true }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {user.active ? (
                      <Badge color="teal" variant="light">
                        Active
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        Deactivated
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(user.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {self ? null : user.active ? (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={issueReset.isPending && issueReset.variables === user.id}
                          onClick={() => issueResetLink(user)}
                          aria-label={`Issue reset link for ${nameOf(user)}`}
                        >
                          Issue reset link
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            setDeactivateError(null);
                            setConfirming(user);
                          }}
                          aria-label={`Deactivate ${nameOf(user)}`}
                        >
                          Deactivate…
                        </Button>
                      </Group>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={updateUser.isPending && updateUser.variables?.user.id === user.id}
                        onClick={() => setActive(user, true)}
                        aria-label={`Reactivate ${nameOf(user)}`}
                      >
                        Reactivate
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableRegion>
      {users.some((user) => !user.active) && (
        <Text size="sm" c="dimmed" mt="sm" px="md" pb="sm">
          A deactivated account cannot sign in; the notes it wrote and the relationships it holds stay on record under its
          name. Reactivate it, then issue a reset link, to give that colleague access.
        </Text>
      )}
      <DeactivateUserModal
        user={confirming}
        deactivating={updateUser.isPending}
        error={deactivateError}
        onConfirm={(user) => setActive(user, false)}
        onClose={() => setConfirming(null)}
      />
      <ResetLinkModal issued={issued} onDone={() => setIssued(null)} />
    </>
  );
}
