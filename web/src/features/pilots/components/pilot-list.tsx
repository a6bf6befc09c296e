import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { Pilot } from '@soundings/shared';
import { Link } from 'react-router';
import { formatDate } from '@/lib/dates';
import { PilotStatusBadge } from './pilot-status-badge';
import { heardLatestSummary } from './pilot-words';
import { ProofPointLine } from './proof-point-line';

function dates(pilot: Pilot): string | null {
  if (pilot.startOn && pilot.endOn) return `${formatDate(pilot.startOn)} to ${formatDate(pilot.endOn)}`;
  if (pilot.startOn) return `From ${formatDate(pilot.startOn)}`;
  if (pilot.endOn) return `Until ${formatDate(pilot.endOn)}`;
  return null;
}

/** Each pilot as a card: name, status, sponsor, dates, latest proof, and how many who asked have heard it. */
export function PilotList({ pilots }: { pilots: Pilot[] }) {
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {pilots.map((pilot) => {
        const heard = heardLatestSummary(pilot.askedBy, pilot.latestProof);
        const allHeard = pilot.askedBy.every((asker) => asker.toldLatest);
        const when = dates(pilot);
        return (
          <li key={pilot.id}>
            <Card withBorder padding="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Anchor component={Link} to={`/pilots/${pilot.id}`} fw={600}>
                    {pilot.name}
                  </Anchor>
                  <PilotStatusBadge status={pilot.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  {pilot.sponsor ? `Sponsored by ${pilot.sponsor.name}` : 'No sponsor yet: HR runs it'}
                  {pilot.businessFunction ? ` · ${pilot.businessFunction}` : ''}
                  {when ? ` · ${when}` : ''}
                </Text>
                {pilot.latestProof ? (
                  <div>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                      Latest proof
                    </Text>
                    <ProofPointLine proof={pilot.latestProof} />
                  </div>
                ) : (
                  <Text size="sm" c="dimmed">
                    No results yet
                  </Text>
                )}
                {heard && (
                  <Text size="sm" c={allHeard ? 'teal.9' : 'red.9'} fw={500}>
                    {heard}
                  </Text>
                )}
              </Stack>
            </Card>
          </li>
        );
      })}
    </Stack>
  );
}
