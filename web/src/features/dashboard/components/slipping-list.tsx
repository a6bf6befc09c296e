import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { SlippingPerson } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { CadenceBadge, contactCadenceWords } from '@/components/contact-cadence';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { formatDate } from '@/lib/dates';
import { dashboardQueries } from '../api/dashboard-queries';
import { DashboardCard } from './dashboard-card';

const REASON_WORDS: Record<SlippingPerson['reason'], string> = { champion: 'Champion', top_team: 'Top team' };

export function SlippingList({ people }: { people: SlippingPerson[] }) {
  if (people.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No one who matters most is slipping: every champion and top-team member is within their ideal contact interval.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {people.map(({ stakeholder, contact, reason, nextPlannedOn }) => (
        <li key={stakeholder.id}>
          <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={600} size="sm">
                  {stakeholder.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {REASON_WORDS[reason]}
                </Text>
                <CommitmentBadge level={stakeholder.commitment} size="xs" />
              </Group>
              <Text size="xs" c="dimmed">
                {contactCadenceWords(contact)}
              </Text>
              <Text size="xs" fw={nextPlannedOn ? 400 : 600}>
                {nextPlannedOn ? `Next planned ${formatDate(nextPlannedOn)}` : 'Nothing planned'}
              </Text>
            </div>
            <CadenceBadge contact={contact} size="sm" />
          </Group>
        </li>
      ))}
    </Stack>
  );
}

/** The people who matter most and are slipping, first on the dashboard: nothing planned with them comes first. */
export function SlippingPanel() {
  const slipping = useQuery(dashboardQueries.slipping());
  return (
    <DashboardCard
      title="Slipping off the radar"
      description="Champions and top-team members past their ideal contact interval or never contacted; nothing planned first"
      seeAll={{ to: '/stakeholders?cooling=true&sort=lastContact', label: 'All cooling' }}
    >
      {slipping.isPending ? (
        <LoadingState label="Loading who is slipping…" minHeight={80} />
      ) : slipping.isError ? (
        <ErrorState error={slipping.error} onRetry={() => void slipping.refetch()} />
      ) : (
        <SlippingList people={slipping.data} />
      )}
    </DashboardCard>
  );
}
