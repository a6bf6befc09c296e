import { Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { COMMITMENT_LEVELS, FEAR_CATEGORIES, isOnBoard, type Dashboard } from '@soundings/shared';
import { IconAlarm, IconMessageExclamation, IconThumbUp, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

function Stat({ label, value, hint, icon, color, to }: { label: string; value: number; hint: string; icon: ReactNode; color: string; to: string }) {
  return (
    <Card component={Link} to={to} padding="md" style={{ textDecoration: 'none', color: 'inherit' }} aria-label={`${label}: ${value}, ${hint}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {/* Spaces between the lines, so the visible words read apart and match the link's name. */}
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
            {label}
          </Text>{' '}
          <Text fz={30} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
          </Text>{' '}
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </div>
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

export function DashboardStats({ dashboard }: { dashboard: Dashboard }) {
  const onBoard = COMMITMENT_LEVELS.filter(isOnBoard).reduce((sum, level) => sum + (dashboard.byCommitment[level] ?? 0), 0);
  // Counts both of the board's unresolved columns (Open and Being addressed), and says so.
  const openFears = FEAR_CATEGORIES.reduce((sum, category) => sum + (dashboard.openFearsByCategory[category] ?? 0), 0);
  const notSounded = dashboard.byCommitment.not_sounded ?? 0;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <Stat
        label="Stakeholders"
        value={dashboard.totalStakeholders}
        hint={notSounded === 0 ? 'Everyone has been sounded' : `${notSounded} not yet sounded`}
        icon={<IconUsers size={20} />}
        color="indigo"
        to="/stakeholders"
      />
      <Stat
        label="On board"
        value={onBoard}
        hint="Supportive or further"
        icon={<IconThumbUp size={20} />}
        color="teal"
        to="/stakeholders?sort=-commitment"
      />
      <Stat
        label="Fears not yet resolved"
        value={openFears}
        hint="Open or being addressed"
        icon={<IconMessageExclamation size={20} />}
        color="orange"
        to="/fears"
      />
      <Stat
        label="Overdue"
        value={dashboard.overdueFollowUpsTotal}
        hint="Follow-ups promised, not yet done"
        icon={<IconAlarm size={20} />}
        color="red"
        to="/stakeholders?overdue=true"
      />
    </SimpleGrid>
  );
}
