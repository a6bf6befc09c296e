import { ActionIcon, Anchor, Breadcrumbs, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { ProofPoint } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { notifyDeleted } from '@/components/deleted-notification';
import { Fact } from '@/components/fact';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { pilotQueries } from '@/features/pilots/api/pilot-queries';
import { PilotAskers } from '@/features/pilots/components/pilot-askers';
import { PilotFormModal } from '@/features/pilots/components/pilot-form-modal';
import { PilotStatusBadge } from '@/features/pilots/components/pilot-status-badge';
import { heardLatestSummary } from '@/features/pilots/components/pilot-words';
import { ProofPointFormModal } from '@/features/pilots/components/proof-point-form-modal';
import { ProofPointLine } from '@/features/pilots/components/proof-point-line';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { formatDate } from '@/lib/dates';
import { usePageTitle } from '@/lib/use-page-title';

export function PilotRoute() {
  const { pilotId = '' } = useParams();
  const pilot = useQuery(pilotQueries.detail(pilotId));
  const canWrite = useCan('campaign:write');
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [proof, setProof] = useState<ProofPoint | 'new' | null>(null);
  usePageTitle(pilot.data?.name ?? 'Pilot');

  const crumbs = (
    <Breadcrumbs mb="sm" styles={{ root: { flexWrap: 'wrap' }, breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }}>
      <Anchor component={Link} to="/pilots" size="sm">
        Pilots
      </Anchor>
      <Text size="sm">{pilot.data?.name ?? 'Pilot'}</Text>
    </Breadcrumbs>
  );
  if (pilot.isPending) return <>{crumbs}<LoadingState label="Loading the pilot…" /></>;
  if (pilot.isError) return <>{crumbs}<ErrorState error={pilot.error} title="The pilot could not be loaded" onRetry={() => void pilot.refetch()} /></>;
  const data = pilot.data;
  const heard = heardLatestSummary(data.askedBy, data.latestProof);

  return (
    <>
      {crumbs}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} fz={26}>
              {data.name}
            </Title>
            <PilotStatusBadge status={data.status} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {data.sponsor ? (
              <>
                Sponsored by{' '}
                <Anchor component={Link} to={`/stakeholders/${data.sponsor.id}`} size="sm" underline="always">
                  {data.sponsor.name}
                </Anchor>
              </>
            ) : (
              'No sponsor yet: HR runs it alone'
            )}
            {data.businessFunction ? ` · ${data.businessFunction}` : ''}
          </Text>
        </Stack>
        {canWrite && (
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
            Edit pilot
          </Button>
        )}
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="pilot-scope-heading">
              <Title order={2} fz="md" mb="md" id="pilot-scope-heading">
                Scope and dates
              </Title>
              <Stack gap="sm">
                <Fact label="Scope">{data.scope ?? <Text span c="dimmed" size="sm">Not written down yet</Text>}</Fact>
                <Group gap="xl">
                  <Fact label="Starts">{formatDate(data.startOn)}</Fact>
                  <Fact label="Ends">{formatDate(data.endOn)}</Fact>
                </Group>
              </Stack>
            </Card>
            <Card component="section" aria-labelledby="pilot-proof-heading">
              <Group justify="space-between" mb="md" wrap="wrap">
                <div>
                  <Title order={2} fz="md" id="pilot-proof-heading">
                    Proof points
                  </Title>
                  <Text size="xs" c="dimmed">
                    Newest first
                  </Text>
                </div>
                {canWrite && (
                  <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setProof('new')}>
                    Add a result
                  </Button>
                )}
              </Group>
              {data.proofPoints.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No results yet. Record the first as soon as there is something to show.
                </Text>
              ) : (
                <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {data.proofPoints.map((point, index) => (
                    <li key={point.id}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                        <div style={{ minWidth: 0 }}>
                          {index === 0 && (
                            <Text size="xs" fw={600} c="blue.8" tt="uppercase">
                              Latest
                            </Text>
                          )}
                          <ProofPointLine proof={point} />
                        </div>
                        {canWrite && (
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit the result of ${formatDate(point.observedOn)}`} onClick={() => setProof(point)}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        )}
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card component="section" aria-labelledby="pilot-askers-heading">
            <Title order={2} fz="md" id="pilot-askers-heading">
              Who asked for proof
            </Title>
            <Text size="xs" c="dimmed" mb="md">
              {heard ?? 'Whether each has heard the latest result'}
            </Text>
            <PilotAskers pilot={data} canWrite={canWrite} />
          </Card>
        </Grid.Col>
      </Grid>

      {canWrite && (
        <>
          <PilotFormModal
            opened={editing}
            onClose={() => setEditing(false)}
            pilot={data}
            renderPersonPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />}
            onSaved={() => setEditing(false)}
            onDeleted={() => {
              notifyDeleted({ id: data.id, title: 'Pilot deleted', message: `${data.name} and its results have been removed.` });
              void navigate('/pilots');
            }}
          />
          <ProofPointFormModal opened={proof !== null} onClose={() => setProof(null)} pilotId={data.id} proof={proof === 'new' ? null : proof} />
        </>
      )}
    </>
  );
}
