import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartBar, IconLayoutDashboard, IconLock, IconMessageExclamation, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';

interface NavItem {
  to: string;
  label: string;
  description: string;
  icon: ReactNode;
  matches: (pathname: string) => boolean;
}

const NAV_ITEMS: NavItem[] = [
  {
    to: '/dashboard',
    label: 'Dashboard',
    description: 'Where the campaign stands',
    icon: <IconLayoutDashboard size={18} stroke={1.6} />,
    matches: (p) => p === '/' || p.startsWith('/dashboard'),
  },
  {
    to: '/stakeholders',
    label: 'Stakeholders',
    description: 'People and their path',
    icon: <IconUsers size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/stakeholders'),
  },
  {
    to: '/fears',
    label: 'Fears',
    description: 'What they worry about',
    icon: <IconMessageExclamation size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/fears'),
  },
];

export function Brand() {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled">
        <IconChartBar size={18} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} fz="lg" lh={1.1}>
          Soundings
        </Text>
        <Text fz={11} c="dimmed" lh={1.2}>
          Coaching &amp; mentoring commitment
        </Text>
      </Stack>
    </Group>
  );
}

/** `accountMenu` is composed in by the router, so shared layout stays free of feature code. */
export function AppLayout({ children, accountMenu }: { children?: ReactNode; accountMenu?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <AppShell.Header px="md">
        <Group h="100%" gap="sm">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Brand />
          <Group ml="auto">{accountMenu}</Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {NAV_ITEMS.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                description={item.description}
                leftSection={item.icon}
                active={item.matches(pathname)}
                onClick={close}
                variant="light"
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 600 } }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Group gap={8} wrap="nowrap" p="xs" c="dimmed" align="flex-start">
            <IconLock size={14} style={{ marginTop: 2, flexShrink: 0 }} />
            <Text fz="xs" c="dimmed">
              Confidential notes about named people. Treat them like medical notes.
            </Text>
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <div style={{ maxWidth: 1320, margin: '0 auto' }}>{children ?? <Outlet />}</div>
      </AppShell.Main>
    </AppShell>
  );
}
