import { Anchor, Badge, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { STAKEHOLDER_ROLE_LABELS, type SoundingRecommendation } from '@soundings/shared';
import { IconMessagePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { useCan } from '@/lib/authorization';
import { RelativeDay } from '@/components/relative-day';
import { ReasonList } from './reason-list';


/** One person in the ranking: who they are, their score, why, and the way to log the sounding. */
export function RecommendationCard({ recommendation, rank }: { recommendation: SoundingRecommendation; rank: number }) {
  const { stakeholder, score, reasons } = recommendation;
  const canWrite = useCan('campaign:write');
  const headingId = `recommendation-${stakeholder.id}`;
  const details = [stakeholder.title, stakeholder.businessFunction ?? STAKEHOLDER_ROLE_LABELS[stakeholder.role]].filter(Boolean).join(' · ');
  return (
    <Card component="li" withBorder aria-labelledby={headingId} p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text c="dimmed" fw={600} size="sm" aria-hidden>
                {rank}.
              </Text>
              <Title order={2} fz="md" id={headingId}>
                <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} inherit>
                  {stakeholder.name}
                </Anchor>
              </Title>
              <CommitmentBadge level={stakeholder.commitment} size="sm" variant="dot" />
              {stakeholder.role === 'top_team' && (
                <Badge variant="outline" color="dark" size="sm">
                  Top team
                </Badge>
              )}
              {stakeholder.potentialChampion && (
                <Badge variant="outline" color="grape" size="sm">
                  Potential champion
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {details && `${details} · `}
              {stakeholder.lastContactAt ? (
                <>
                  Last contact <RelativeDay on={stakeholder.lastContactAt} label="Last contact" />
                </>
              ) : (
                'No contact yet'
              )}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text fz={22} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {score}
            </Text>
            <Text size="xs" c="dimmed">
              score
            </Text>
          </Stack>
        </Group>
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
            Why
          </Text>
          <ReasonList reasons={reasons} />
        </div>
        {canWrite && (
          <Group>
            <Button
              component={Link}
              to={`/stakeholders/${stakeholder.id}/soundings/new`}
              variant="light"
              size="sm"
              leftSection={<IconMessagePlus size={16} />}
            >
              Log a sounding<VisuallyHidden> with {stakeholder.name}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
