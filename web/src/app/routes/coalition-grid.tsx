import { Anchor, Card, Grid, List, Stack, Text, Title } from '@mantine/core';
import { COMMITMENT_LADDER } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconLayoutGrid } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { coalitionQueries } from '@/features/coalition/api/coalition-queries';
import { LevelLabel } from '@/features/coalition/components/level-label';
import { placeOnGrid, type GridPerson } from '@/features/coalition/components/power-grid';
import { PowerGridTable } from '@/features/coalition/components/power-grid-table';
import { usePageTitle } from '@/lib/use-page-title';

function MustMoveList({ people }: { people: GridPerson[] }) {
  return (
    <Card component="section" aria-labelledby="must-move-title">
      <Title order={2} fz="md" id="must-move-title" mb="xs">
        High influence, not yet where they must be
      </Title>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          Everyone with high influence stands at or above the level they must reach.
        </Text>
      ) : (
        <List listStyleType="none" spacing="sm" p={0}>
          {people.map(({ person, gap }) => (
            <List.Item key={person.id}>
              <Anchor component={Link} to={`/stakeholders/${person.id}`} fw={600} size="sm">
                {person.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                Influence {person.influenceScore}, looked to by {person.lookedToBy}
              </Text>
              <Text size="xs" component="div" mt={2}>
                <LevelLabel level={person.commitment} /> must reach {COMMITMENT_LADDER[person.requiredCommitment!].label}: {gap}{' '}
                {gap === 1 ? 'step' : 'steps'} to go
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

export function CoalitionGridRoute() {
  usePageTitle('Power grid');
  const network = useQuery(coalitionQueries.network());
  const grid = useMemo(() => (network.data ? placeOnGrid(network.data.nodes) : null), [network.data]);

  const header = (
    <PageHeader
      title="Power grid"
      description="Influence against commitment: the few people with high influence who are not yet where they must be stand out in orange."
    />
  );
  if (network.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Loading the grid…" />
      </>
    );
  }
  if (network.isError) {
    return (
      <>
        {header}
        <ErrorState error={network.error} title="The grid could not be loaded" onRetry={() => void network.refetch()} />
      </>
    );
  }
  if (network.data.nodes.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<IconLayoutGrid size={26} />} title="No one to show yet" description="The grid fills in as you add stakeholders." />
      </>
    );
  }

  return (
    <>
      {header}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <MustMoveList people={grid!.mustMove} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Card p="sm">
            <PowerGridTable grid={grid!} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
