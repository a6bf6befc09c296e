import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { STAKEHOLDER_ROLE_LABELS, type Stakeholder } from '@soundings/shared';
import { IconStarFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge, CommitmentGap } from '@/components/commitment-badge';
import { LastContact } from './last-contact';

/** The list on a phone: one card per person, everything the table shows, nothing behind a sideways scroll. */
export function StakeholderCards({ stakeholders }: { stakeholders: Stakeholder[] }) {
  return (
    <Stack gap="xs" p="sm" role="list" aria-label="Stakeholders">
      {stakeholders.map((stakeholder) => (
        <Paper key={stakeholder.id} withBorder radius="md" p="sm" role="listitem" data-stakeholder-card={stakeholder.name}>
          <Stack gap={6}>
            <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={600} size="sm" c="dark.8">
                    {stakeholder.name}
                  </Anchor>
                  {stakeholder.potentialChampion && <IconStarFilled size={13} color="var(--mantine-color-yellow-6)" aria-label="Potential champion" />}
                </Group>
                <Text size="xs" c="dark.4">
                  {[stakeholder.title, stakeholder.businessFunction, STAKEHOLDER_ROLE_LABELS[stakeholder.role]].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              {stakeholder.openFears > 0 ? (
                <Badge color="orange.9" variant="light" size="sm" style={{ flexShrink: 0 }}>
                  {stakeholder.openFears} open {stakeholder.openFears === 1 ? 'fear' : 'fears'}
                </Badge>
              ) : (
                <Text size="xs" c="dark.4" style={{ flexShrink: 0 }}>
                  No open fears
                </Text>
              )}
            </Group>
            <Group gap="xs" align="flex-start" wrap="wrap">
              <CommitmentBadge level={stakeholder.commitment} />
              <CommitmentGap gap={stakeholder.commitmentGap} required={stakeholder.requiredCommitment} />
            </Group>
            <Group gap={6} align="flex-start" wrap="nowrap">
              <Text size="xs" c="dark.4" pt={2} style={{ flexShrink: 0 }}>
                Last contact
              </Text>
              <LastContact contact={stakeholder.contact} nextFollowUpOn={stakeholder.nextFollowUpOn} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
