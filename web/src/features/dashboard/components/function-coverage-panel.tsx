import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { FunctionCoverage } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { InlineQueryState } from '@/components/editable-list';
import { CommitmentBadge } from '@/components/commitment-badge';
import { dashboardQueries } from '../api/dashboard-queries';
import { DashboardCard } from './dashboard-card';

/** In words, for the badge and for a screen reader: covered by whom, or what is missing. */
export function coverageSummary(coverage: FunctionCoverage): string {
  if (coverage.covered) {
    const [first, ...others] = coverage.champions;
    return `Covered by ${first.name}${others.length > 0 ? ` and ${others.length} other${others.length === 1 ? '' : 's'}` : ''}`;
  }
  return 'No committed champion';
}

function FunctionRow({ coverage }: { coverage: FunctionCoverage }) {
  const id = `coverage-${coverage.businessFunction.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Stack component="section" aria-labelledby={id} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} fz="sm" id={id}>
          {coverage.businessFunction}
        </Title>
        <Badge color={coverage.covered ? 'teal' : 'orange'} variant="light">
          {coverageSummary(coverage)}
        </Badge>
      </Group>
      {coverage.priorities.length > 0 ? (
        <List size="xs" spacing={2} aria-label={`${coverage.businessFunction} priorities`}>
          {coverage.priorities.map((priority) => (
            <List.Item key={priority.id}>{priority.title}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="xs" c="dimmed">
          No priorities written down yet.
        </Text>
      )}
      {coverage.leaders.length > 0 ? (
        <Group gap={6} wrap="wrap" aria-label={`Where ${coverage.businessFunction}'s leaders stand`} role="list">
          {coverage.leaders.map(({ stakeholder, commitment }) => (
            <Group key={stakeholder.id} gap={4} wrap="nowrap" role="listitem">
              {/* Small text, but a target of at least 24 px (WCAG 2.5.8) for a finger or a shaky hand. */}
              <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} size="xs" style={{ display: 'inline-flex', alignItems: 'center', minHeight: 24 }}>
                {stakeholder.name}
              </Anchor>
              <CommitmentBadge level={commitment} size="xs" />
            </Group>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          No top-team or senior leader in this function.
        </Text>
      )}
    </Stack>
  );
}

/** For each function: its priorities, whether a committed champion covers it, and where its leaders stand. */
export function FunctionCoveragePanel() {
  const functions = useQuery(dashboardQueries.functions());
  const items = functions.data ?? [];
  const uncovered = items.filter((coverage) => !coverage.covered).length;
  return (
    <DashboardCard
      title="Coverage by function"
      description={
        functions.isSuccess && items.length > 0
          ? uncovered === 0
            ? 'Every function has a committed champion.'
            : `${uncovered} of ${items.length} functions have no committed champion yet.`
          : 'Each function\'s priorities, a committed champion there, and where its leaders stand'
      }
      seeAll={{ to: '/priorities', label: 'Priorities' }}
    >
      <InlineQueryState
        isPending={functions.isPending}
        isError={functions.isError}
        errorText="The coverage could not be loaded."
        isEmpty={items.length === 0}
        emptyText="No business functions yet: give people a function, or add a priority."
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {items.map((coverage) => (
            <FunctionRow key={coverage.businessFunction} coverage={coverage} />
          ))}
        </SimpleGrid>
      </InlineQueryState>
    </DashboardCard>
  );
}
