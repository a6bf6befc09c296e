import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { PilotDetail } from '@soundings/shared';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { formatDate } from '@/lib/dates';
import { useMarkTold } from '../api/mark-told';

/** The leaders who asked for proof, each with whether they heard the latest result, and a one-click "Mark as told". */
export function PilotAskers({ pilot, canWrite }: { pilot: PilotDetail; canWrite: boolean }) {
  const markTold = useMarkTold();
  const latest = pilot.latestProof;
  if (pilot.askedBy.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody is recorded as asking for proof. Edit the pilot to name the leaders who want to see its results.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {markTold.error && (
        <Alert color="red" variant="light" role="alert" title="Not marked as told">
          {markTold.error.message}
        </Alert>
      )}
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pilot.askedBy.map((asker) => {
          const name = asker.stakeholder.name;
          return (
            <li key={asker.stakeholder.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/stakeholders/${asker.stakeholder.id}`} fw={600} size="sm">
                      {name}
                    </Anchor>
                    <CommitmentBadge level={asker.stakeholder.commitment} size="xs" variant="dot" />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {asker.toldOn ? `Last told a result on ${formatDate(asker.toldOn)}` : 'Never told a result'}
                  </Text>
                </Stack>
                {latest === null ? (
                  <Badge color="gray" variant="light">
                    No result yet
                  </Badge>
                ) : asker.toldLatest ? (
                  <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
                    Heard the latest
                  </Badge>
                ) : (
                  <Group gap="xs" wrap="wrap">
                    <Badge color="orange" variant="light">
                      Not yet told
                    </Badge>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={markTold.isPending && markTold.variables?.input.stakeholderId === asker.stakeholder.id}
                        onClick={() => markTold.mutate({ pilotId: pilot.id, input: { stakeholderId: asker.stakeholder.id } })}
                        aria-label={`Mark as told: ${name}`}
                      >
                        Mark as told
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
