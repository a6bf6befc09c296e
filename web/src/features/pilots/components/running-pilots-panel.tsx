import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { formatDate } from '@/lib/dates';
import { pilotQueries } from '../api/pilot-queries';
import { heardLatestSummary } from './pilot-words';
import { ProofPointLine } from './proof-point-line';

/** The dashboard's pilots: each running one with its latest proof, and the leaders still owed a result. */
export function RunningPilotsPanel() {
  const panel = useQuery(pilotQueries.dashboard());
  return (
    <Card component="section" aria-labelledby="running-pilots-heading" h="100%">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="md" id="running-pilots-heading">
            Running pilots
          </Title>
          <Text size="xs" c="dimmed">
            The proof so far, and the leaders who asked for it and have not heard the latest
          </Text>
        </div>
        <Anchor component={Link} to="/pilots" size="sm" fw={500} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          All pilots <IconArrowRight size={14} />
        </Anchor>
      </Group>
      {panel.isPending ? (
        <LoadingState label="Loading the pilots…" minHeight={120} />
      ) : panel.isError ? (
        <ErrorState error={panel.error} title="The pilots could not be loaded" onRetry={() => void panel.refetch()} />
      ) : (
        <Stack gap="md">
          {panel.data.running.length === 0 ? (
            <Text size="sm" c="dimmed">
              No pilot is running. Start small: a pilot gives the doubters something to look at.
            </Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {panel.data.running.map((pilot) => (
                <li key={pilot.id}>
                  <Anchor component={Link} to={`/pilots/${pilot.id}`} fw={600} size="sm">
                    {pilot.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {pilot.sponsor ? `Sponsored by ${pilot.sponsor.name}` : 'No sponsor yet'}
                    {heardLatestSummary(pilot.askedBy, pilot.latestProof) ? ` · ${heardLatestSummary(pilot.askedBy, pilot.latestProof)}` : ''}
                  </Text>
                  {pilot.latestProof ? <ProofPointLine proof={pilot.latestProof} size="xs" /> : <Text size="xs">No results yet</Text>}
                </li>
              ))}
            </Stack>
          )}
          {panel.data.resultsOwed.length > 0 && (
            <div>
              <Title order={3} fz="sm" mb={6} id="results-owed-heading">
                Asked for proof, not yet told the latest
              </Title>
              <Stack component="ul" gap={6} aria-labelledby="results-owed-heading" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {panel.data.resultsOwed.map((owed) => (
                  <li key={`${owed.pilot.id}:${owed.stakeholder.id}`}>
                    <Text size="sm">
                      <Anchor component={Link} to={`/stakeholders/${owed.stakeholder.id}`} fw={600} size="sm" underline="always">
                        {owed.stakeholder.name}
                      </Anchor>{' '}
                      on{' '}
                      <Anchor component={Link} to={`/pilots/${owed.pilot.id}`} size="sm" underline="always">
                        {owed.pilot.name}
                      </Anchor>
                    </Text>
                    <Text size="xs" c="dimmed">
                      Result of {formatDate(owed.latestProof.observedOn)} · {owed.toldOn ? `last told ${formatDate(owed.toldOn)}` : 'never told a result'}
                    </Text>
                  </li>
                ))}
              </Stack>
            </div>
          )}
        </Stack>
      )}
    </Card>
  );
}
