import { Anchor, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { recommendationQueries } from '../api/recommendation-queries';
import { ReasonList } from './reason-list';

export const PANEL_SIZE = 5;
const REASONS_SHOWN = 2;

/** The dashboard's "Whom to sound next": the top five with their main reasons, and the way to the full list. */
export function NextSoundingsPanel() {
  const recommendations = useQuery(recommendationQueries.soundings(PANEL_SIZE));
  return (
    <Card component="section" aria-labelledby="next-soundings-heading">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="md" id="next-soundings-heading">
            Whom to sound next
          </Title>
          <Text size="xs" c="dimmed">
            Ranked by social proof, influence, open fears, what is coming up and how long since the last conversation
          </Text>
        </div>
        <Anchor component={Link} to="/recommendations" size="sm" fw={500} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          Why, and the full list <IconArrowRight size={14} />
        </Anchor>
      </Group>
      {recommendations.isPending ? (
        <LoadingState label="Ranking whom to sound next…" minHeight={120} />
      ) : recommendations.isError ? (
        <ErrorState error={recommendations.error} title="The ranking could not be loaded" onRetry={() => void recommendations.refetch()} />
      ) : recommendations.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one to suggest: everyone is a public champion with nothing left to win.
        </Text>
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {recommendations.data.items.map(({ stakeholder, score, reasons }) => (
            <li key={stakeholder.id}>
              <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={600} size="sm">
                      {stakeholder.name}
                    </Anchor>
                    <CommitmentBadge level={stakeholder.commitment} size="xs" variant="dot" />
                  </Group>
                  <ReasonList reasons={reasons.slice(0, REASONS_SHOWN)} compact />
                </Stack>
                <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  <VisuallyHidden>score </VisuallyHidden>
                  {score}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
