import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { USER_ROLE_LABELS } from '@soundings/shared';
import { IconKey, IconLogout, IconLogout2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { sessionQueries } from '../api/session-queries';
import { useSignOut } from '../api/sign-out';

export function UserMenu() {
  const { data: session } = useQuery(sessionQueries.current());
  const signOut = useSignOut();
  if (!session) return null;
  const name = session.user.displayName ?? session.user.email;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        {/* Named by what it shows, so the name a screen reader hears contains the visible words (WCAG 2.5.3). */}
        <UnstyledButton>
          <VisuallyHidden>Account: </VisuallyHidden>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" aria-hidden="true">
              {name.slice(0, 1).toUpperCase()}
            </Avatar>
            {/* A long name wraps rather than push the header wider; on a phone only the initial shows, and the name is read out. */}
            <div style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-account-name>
              <Text size="sm" fw={500} lh={1.2}>
                {name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {USER_ROLE_LABELS[session.user.role]}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/account">
          My account and API tokens
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut.mutate(false)}>
          Sign out
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} />} onClick={() => signOut.mutate(true)}>
          Sign out on every device
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
