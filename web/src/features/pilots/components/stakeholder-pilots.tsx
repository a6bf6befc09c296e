import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '@/lib/dates';
import { pilotQueries } from '../api/pilot-queries';

/** On a person's page: the pilots they asked for proof of, and whether they have heard the latest result. */
export function StakeholderPilots({ stakeholderId }: { stakeholderId: string }) {
  const asked = useQuery(pilotQueries.list({ askedById: stakeholderId }));
  const pilots = asked.data?.items ?? [];
  if (pilots.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="asked-for-proof-heading">
      <Title order={2} fz="md" mb="md" id="asked-for-proof-heading">
        Asked for proof
      </Title>
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pilots.map((pilot) => {
          const asker = pilot.askedBy.find((entry) => entry.stakeholder.id === stakeholderId);
          const owed = pilot.latestProof !== null && asker !== undefined && !asker.toldLatest;
          return (
            <li key={pilot.id}>
              <Text size="sm">
                Asked for proof of{' '}
                <Anchor component={Link} to={`/pilots/${pilot.id}`} size="sm" fw={600} underline="always">
                  {pilot.name}
                </Anchor>
              </Text>
              {pilot.latestProof === null ? (
                <Text size="xs" c="dimmed">
                  No result yet
                </Text>
              ) : owed ? (
                <Badge color="orange" variant="light" mt={4} style={{ whiteSpace: 'normal', height: 'auto' }}>
                  Not yet told the latest (from {formatDate(pilot.latestProof.observedOn)})
                </Badge>
              ) : (
                <Badge color="teal" variant="light" mt={4}>
                  Heard the latest on {formatDate(asker?.toldOn)}
                </Badge>
              )}
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
