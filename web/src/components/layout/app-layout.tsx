import { AppShell, Badge, Burger, Button, Group, Kbd, NavLink, ScrollArea, Stack, Text, ThemeIcon, Tooltip, type MantineBreakpoint } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAffiliate,
  IconAward,
  IconCalendarEvent,
  IconChartBar,
  IconEye,
  IconFlask,
  IconHeartHandshake,
  IconKey,
  IconKeyboard,
  IconLayoutDashboard,
  IconLayoutGrid,
  IconLock,
  IconMessageExclamation,
  IconPresentation,
  IconQuote,
  IconSearch,
  IconSettings,
  IconShieldCheck,
  IconSpeakerphone,
  IconTarget,
  IconTargetArrow,
  IconTrash,
  IconUserCog,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ShortcutsProvider, useShortcutHelp } from '@/components/keyboard/shortcuts';
import { roleCan, useRole, type Permission } from '@/lib/authorization';
import classes from './app-layout.module.css';
import type { PaletteDestination } from './command-palette';

// The palette (its dialog, search field and person search) loads the first time it is asked for, not with the page.
const CommandPalette = lazy(() => import('./command-palette').then((module) => ({ default: module.CommandPalette })));

/** The skip link's target: the page's own content, after the header and the navigation. */
export const MAIN_CONTENT_ID = 'main-content';

interface NavItem {
  to: string;
  label: string;
  description: string;
  icon: ReactNode;
  matches: (pathname: string) => boolean;
  /** Shown only to roles with this permission; everyone signed in otherwise. */
  permission?: Permission;
}

interface NavSection {
  label?: string;
  items: NavItem[];
}

const CAMPAIGN_ITEMS: NavItem[] = [
  {
    to: '/dashboard',
    label: 'Dashboard',
    description: 'Where the campaign stands',
    icon: <IconLayoutDashboard size={18} stroke={1.6} />,
    matches: (p) => p === '/' || p.startsWith('/dashboard'),
  },
  {
    to: '/recommendations',
    label: 'Whom to sound next',
    description: 'Ranked, with the reasons',
    icon: <IconTargetArrow size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/recommendations'),
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
  {
    to: '/briefings',
    label: 'Briefing plan',
    description: 'Who briefs the top team',
    icon: <IconPresentation size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/briefings'),
  },
  {
    to: '/meetings',
    label: 'Meetings',
    description: 'Who is ready in the room',
    icon: <IconUsersGroup size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/meetings'),
  },
];

/** Who sways whom, who holds each relationship, and who can carry the case. */
const COALITION_ITEMS: NavItem[] = [
  {
    to: '/coalition/network',
    label: 'Network',
    description: 'Who sways whom',
    icon: <IconAffiliate size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/coalition/network'),
  },
  {
    to: '/coalition/grid',
    label: 'Power grid',
    description: 'Influence against commitment',
    icon: <IconLayoutGrid size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/coalition/grid'),
  },
  {
    to: '/coalition/relationships',
    label: 'Relationships',
    description: 'Who holds each relationship',
    icon: <IconHeartHandshake size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/coalition/relationships'),
  },
  {
    to: '/coalition/narratives',
    label: 'Narratives',
    description: 'What resonates with whom',
    icon: <IconQuote size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/coalition/narratives'),
  },
  {
    to: '/priorities',
    label: 'Priorities',
    description: 'Each function\'s priorities and owners',
    icon: <IconTarget size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/priorities'),
  },
  {
    to: '/champions',
    label: 'Champions',
    description: 'Who qualifies, and what is missing',
    icon: <IconAward size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/champions'),
  },
  {
    to: '/expectations',
    label: 'Expectations',
    description: 'What each leader was told to expect',
    icon: <IconSpeakerphone size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/expectations'),
  },
  {
    to: '/pilots',
    label: 'Pilots',
    description: 'Proof, and who has heard it',
    icon: <IconFlask size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/pilots'),
  },
];

/** What keeps the leaders involved between conversations. */
const PROGRAMME_ITEMS: NavItem[] = [
  {
    to: '/programme',
    label: 'Initiatives',
    description: 'The rolling programme',
    icon: <IconCalendarEvent size={18} stroke={1.6} />,
    matches: (p) => p.startsWith('/programme'),
  },
];

const NAV_SECTIONS: NavSection[] = [
  { items: CAMPAIGN_ITEMS },
  { label: 'Coalition', items: COALITION_ITEMS },
  { label: 'Programme', items: PROGRAMME_ITEMS },
  {
    label: 'Administration',
    items: [
      {
        to: '/users',
        label: 'Users',
        description: 'Accounts and roles',
        icon: <IconUserCog size={18} stroke={1.6} />,
        matches: (p) => p.startsWith('/users'),
        permission: 'users:manage',
      },
      {
        to: '/audit',
        label: 'Audit trail',
        description: 'Who did what, and when',
        icon: <IconShieldCheck size={18} stroke={1.6} />,
        matches: (p) => p.startsWith('/audit'),
        permission: 'audit:read',
      },
      {
        to: '/deleted',
        label: 'Recently deleted',
        description: 'Restore within 30 days',
        icon: <IconTrash size={18} stroke={1.6} />,
        matches: (p) => p.startsWith('/deleted'),
        permission: 'deleted:restore',
      },
      {
        to: '/settings',
        label: 'Settings',
        description: 'Retention of old notes',
        icon: <IconSettings size={18} stroke={1.6} />,
        matches: (p) => p.startsWith('/settings'),
        permission: 'settings:manage',
      },
    ],
  },
  {
    label: 'You',
    items: [
      {
        to: '/account',
        label: 'My account',
        description: 'API tokens for scripts',
        icon: <IconKey size={18} stroke={1.6} />,
        matches: (p) => p.startsWith('/account'),
      },
    ],
  },
];

/** `taglineFrom`: the width from which the tagline shows, so a phone's header keeps room for the account menu. */
export function Brand({ taglineFrom }: { taglineFrom?: MantineBreakpoint }) {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled">
        <IconChartBar size={18} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={700} fz="lg" lh={1.1}>
          Soundings
        </Text>
        <Text fz={11} c="dimmed" lh={1.2} visibleFrom={taglineFrom}>
          Coaching &amp; mentoring commitment
        </Text>
      </Stack>
    </Group>
  );
}

/** `accountMenu` is composed in by the router, so shared layout stays free of feature code. */
export function AppLayout({ children, accountMenu }: { children?: ReactNode; accountMenu?: ReactNode }) {
  return (
    <ShortcutsProvider>
      <LayoutShell accountMenu={accountMenu}>{children}</LayoutShell>
    </ShortcutsProvider>
  );
}

/** Focuses the page's content without adding a fragment to the address, so Back still leaves the page. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_CONTENT_ID);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView({ block: 'start' });
}

// The label starts beside its icon, as the navigation's do; the key sits at the right edge.
const FOOTER_BUTTON_STYLES = { label: { flex: 1, textAlign: 'left' as const } };

/** Ways to move without a mouse: the palette (Ctrl K) and the list of shortcuts (?), offered as buttons too. */
function KeyboardHelp({ onFind }: { onFind: () => void }) {
  const openHelp = useShortcutHelp();
  return (
    <Stack gap={4} px="xs" pb="xs">
      <Button variant="subtle" color="gray" size="compact-sm" justify="space-between" styles={FOOTER_BUTTON_STYLES} leftSection={<IconSearch size={14} aria-hidden />} rightSection={<Kbd size="xs" style={{ whiteSpace: 'nowrap' }}>Ctrl K</Kbd>} onClick={onFind} aria-keyshortcuts="Control+K" c="var(--mantine-color-text)">
        Search
      </Button>
      <Button variant="subtle" color="gray" size="compact-sm" justify="space-between" styles={FOOTER_BUTTON_STYLES} leftSection={<IconKeyboard size={14} aria-hidden />} rightSection={<Kbd size="xs">?</Kbd>} onClick={openHelp} aria-keyshortcuts="?" c="var(--mantine-color-text)">
        Shortcuts
      </Button>
    </Stack>
  );
}

function LayoutShell({ children, accountMenu }: { children?: ReactNode; accountMenu?: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const [paletteOpened, setPaletteOpened] = useState(false);
  const { pathname } = useLocation();
  const role = useRole();
  const sections = NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.permission || roleCan(role, item.permission)),
  })).filter((section) => section.items.length > 0);

  const destinations: PaletteDestination[] = sections.flatMap((section) => section.items.map(({ to, label, description }) => ({ to, label, description })));
  // Ctrl K (⌘ K on a Mac) opens the palette from anywhere, and closes it again.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpened((isOpen) => !isOpen);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <a href={`#${MAIN_CONTENT_ID}`} className="skip-link" onClick={skipToContent}>
        Skip to content
      </a>
      {paletteOpened && (
        <Suspense>
          <CommandPalette destinations={destinations} opened onOpenChange={setPaletteOpened} />
        </Suspense>
      )}
      <AppShell.Header px="md" className={classes.chrome}>
        <Group h="100%" gap="sm" wrap="nowrap">
          <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Brand taglineFrom="xs" />
          <Group ml="auto" gap="md" wrap="nowrap" miw={0}>
            {role === 'viewer' && (
              <Tooltip label="You can read the campaign but not change it, and confidential notes are withheld" withArrow>
                <Badge variant="light" color="gray" leftSection={<IconEye size={12} />} visibleFrom="xs">
                  Read only
                </Badge>
              </Tooltip>
            )}
            {accountMenu}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation" className={classes.chrome}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {sections.map((section) => (
              <Stack gap={4} key={section.label ?? 'campaign'}>
                {section.label && (
                  <Text fz={11} fw={700} c="dimmed" tt="uppercase" lts={0.4} px="sm" pt={4}>
                    {section.label}
                  </Text>
                )}
                {section.items.map((item) => (
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
                    // The active link's description in its tint colour falls below WCAG AA on the tinted background.
                    styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 600 }, description: { color: 'var(--mantine-color-dimmed)' } }}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
        {/* A rule above, so a navigation list scrolled under it reads as cut by the edge, not by the buttons. */}
        <AppShell.Section pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <KeyboardHelp
            onFind={() => {
              close();
              setPaletteOpened(true);
            }}
          />
          <Group gap={8} wrap="nowrap" p="xs" c="dimmed" align="flex-start">
            <IconLock size={14} style={{ marginTop: 2, flexShrink: 0 }} />
            <Text fz="xs" c="dimmed">
              Confidential notes about named people. Treat them like medical notes.
            </Text>
          </Group>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-gray-0)" className={classes.main} id={MAIN_CONTENT_ID} tabIndex={-1}>
        <div style={{ maxWidth: 1320, margin: '0 auto' }}>{children ?? <Outlet />}</div>
      </AppShell.Main>
    </AppShell>
  );
}
