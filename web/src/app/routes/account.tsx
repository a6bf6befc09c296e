import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { USER_ROLE_LABELS } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconLogout2 } from '@tabler/icons-react';
import { Fact } from '@/components/fact';
import { PageHeader } from '@/components/page-header';
import { ApiTokens } from '@/features/api-tokens/components/api-tokens';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { DisplayNameForm } from '@/features/auth/components/display-name-form';
import { useSignOut } from '@/features/auth/api/sign-out';
import { ROLE_DESCRIPTIONS } from '@/features/users/components/role-descriptions';
import { formatDate } from '@/lib/dates';
import { usePageTitle } from '@/lib/use-page-title';

export function AccountRoute() {
  const { data: session } = useQuery(sessionQueries.current());
  const signOut = useSignOut();
  usePageTitle('My account');
  if (!session) return null;
  const { user } = session;

  return (
    <>
      <PageHeader title="My account" description="Who you are signed in as, your name, your password, and the tokens your scripts use." />
      <Stack gap="lg" maw={960}>
        <Card component="section" aria-labelledby="account-heading">
          <Group justify="space-between" align="flex-start" mb="md">
            <Title order={2} fz="md" id="account-heading">
              Signed in as
            </Title>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout2 size={14} />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate(true)}
            >
              Sign out on every device
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <Fact label="Name">{user.displayName ?? 'Not set (shown by your email)'}</Fact>
            <Fact label="Email">{user.email}</Fact>
            <Fact label="Role">
              {USER_ROLE_LABELS[user.role]}
              <Text size="xs" c="dimmed">
                {ROLE_DESCRIPTIONS[user.role]}
              </Text>
            </Fact>
            <Fact label="Account since">{formatDate(user.createdAt)}</Fact>
          </SimpleGrid>
        </Card>
        <DisplayNameForm user={user} />
        <ChangePasswordForm />
        <ApiTokens />
      </Stack>
    </>
  );
}
