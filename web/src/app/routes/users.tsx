import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { USER_ROLE_LABELS, USER_ROLES } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '@/components/page-header';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { userQueries } from '@/features/users/api/user-queries';
import { AddUserModal } from '@/features/users/components/add-user-modal';
import { ROLE_DESCRIPTIONS } from '@/features/users/components/role-descriptions';
import { UsersTable } from '@/features/users/components/users-table';
import { usePageTitle } from '@/lib/use-page-title';

function UsersPage() {
  const users = useQuery(userQueries.list());
  const session = useQuery(sessionQueries.current());
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  usePageTitle('Users');

  let body;
  if (users.isPending) body = <LoadingState label="Loading users…" />;
  else if (users.isError) {
    body = (
      <Card.Section p="lg">
        <ErrorState error={users.error} title="The users could not be loaded" onRetry={() => void users.refetch()} />
      </Card.Section>
    );
  } else {
    body = <UsersTable users={users.data} currentUserId={session.data?.user.id ?? ''} />;
  }

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can open Soundings and what each can do. Deactivating someone signs them out at once."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={openAdd}>
            Add user
          </Button>
        }
      />
      <Stack gap="lg">
        <Card padding={0}>{body}</Card>
        <Card component="section" aria-labelledby="roles-heading">
          <Title order={2} fz="md" mb="sm" id="roles-heading">
            What each role can do
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
            {USER_ROLES.map((role) => (
              <Stack key={role} gap={2}>
                <Text size="sm" fw={600}>
                  {USER_ROLE_LABELS[role]}
                </Text>
                <Text size="sm" c="dimmed">
                  {ROLE_DESCRIPTIONS[role]}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Card>
      </Stack>
      <AddUserModal
        opened={adding}
        onClose={closeAdd}
        onCreated={(user) =>
          notifications.show({
            color: 'teal',
            title: 'User added',
            message: `${user.displayName ?? user.email} can now sign in as ${USER_ROLE_LABELS[user.role].toLowerCase()}.`,
          })
        }
      />
    </>
  );
}

export function UsersRoute() {
  return (
    <RequirePermission permission="users:manage" description="Only admins manage users. Ask an admin to add someone or change a role.">
      <UsersPage />
    </RequirePermission>
  );
}
