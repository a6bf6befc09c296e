import { Button, Card, Group, MultiSelect, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS, type CommitmentLevel } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconAffiliate } from '@tabler/icons-react';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { coalitionQueries } from '@/features/coalition/api/coalition-queries';
import { NetworkLegend } from '@/features/coalition/components/network-legend';
import { businessFunctions, byInfluence, describeNetwork, networkView, type NetworkFilters } from '@/features/coalition/components/network-graph';
import { PeopleInViewTable } from '@/features/coalition/components/people-in-view-table';
import { usePageTitle } from '@/lib/use-page-title';

// The graph library (sigma, graphology, ForceAtlas2) loads with this page only, in a chunk of its own, fetched
// as soon as the page's own code is, alongside the data rather than after it.
const canvasModule = import('@/features/coalition/components/network-canvas');
const NetworkCanvas = lazy(() => canvasModule);

const LEVEL_OPTIONS = COMMITMENT_LEVELS.map((level) => ({ value: level, label: COMMITMENT_LADDER[level].label }));

export function CoalitionNetworkRoute() {
  usePageTitle('Influence network');
  const network = useQuery(coalitionQueries.network());
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [filters, setFilters] = useState<NetworkFilters>({ businessFunction: null, topTeamOnly: false, levels: [] });
  const [focusId, setFocusId] = useState<string | null>(null);
  // Hundreds of table rows cost more to render than the picture: they wait for its first frame.
  const [pictureDrawn, setPictureDrawn] = useState(false);
  // Where the picture cannot be drawn (no WebGL), the table must still come.
  useEffect(() => {
    if (!network.data) return;
    const fallback = setTimeout(() => setPictureDrawn(true), 1500);
    return () => clearTimeout(fallback);
  }, [network.data]);

  const view = useMemo(() => (network.data ? networkView(network.data, filters) : null), [network.data, filters]);
  const functions = useMemo(() => (network.data ? businessFunctions(network.data) : []), [network.data]);
  const focus = focusId && view?.nodes.some((node) => node.id === focusId) ? focusId : null;
  const tablePeople = useDeferredValue(pictureDrawn ? (view?.nodes ?? []) : [], []);

  const header = (
    <PageHeader
      title="Influence network"
      description="Who sways whom: each circle a person in the colour of where they stand, larger the more people look to them. Point at a person to see who they are; click to open them."
    />
  );
  if (network.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Loading the network…" />
      </>
    );
  }
  if (network.isError) {
    return (
      <>
        {header}
        <ErrorState error={network.error} title="The network could not be loaded" onRetry={() => void network.refetch()} />
      </>
    );
  }
  if (network.data.nodes.length === 0) {
    return (
      <>
        {header}
        <EmptyState icon={<IconAffiliate size={26} />} title="No one to show yet" description="The network fills in as you add stakeholders and who they look to." />
      </>
    );
  }

  const shown = view!;
  const summary = describeNetwork(shown);
  const setFilter = (change: Partial<NetworkFilters>) => setFilters((current) => ({ ...current, ...change }));

  return (
    <>
      {header}
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Business function"
            placeholder="All functions"
            data={functions}
            value={filters.businessFunction}
            onChange={(value) => setFilter({ businessFunction: value })}
            clearable
            w={200}
          />
          <MultiSelect
            label="Level"
            placeholder={filters.levels.length ? undefined : 'All levels'}
            data={LEVEL_OPTIONS}
            value={filters.levels}
            onChange={(value) => setFilter({ levels: value as CommitmentLevel[] })}
            clearable
            w={260}
          />
          <Select
            label="Find a person"
            placeholder="Type a name"
            data={byInfluence(shown.nodes).map((node) => ({ value: node.id, label: node.name }))}
            value={focus}
            onChange={setFocusId}
            searchable
            clearable
            nothingFoundMessage="No one in view by that name"
            w={220}
          />
          <Switch label="Top team only" checked={filters.topTeamOnly} onChange={(event) => setFilter({ topTeamOnly: event.currentTarget.checked })} mb={8} />
          {(filters.businessFunction || filters.topTeamOnly || filters.levels.length > 0 || focus) && (
            <Button
              variant="subtle"
              size="sm"
              mb={2}
              onClick={() => {
                setFilters({ businessFunction: null, topTeamOnly: false, levels: [] });
                setFocusId(null);
              }}
            >
              Show everyone
            </Button>
          )}
        </Group>

        <Card p={0}>
          <figure style={{ margin: 0 }} aria-labelledby="network-summary">
            <div role="img" aria-label={`Influence network. ${summary} The table below lists the same people.`}>
              <Suspense fallback={<LoadingState label="Drawing the network…" minHeight={narrow ? 420 : 560} />}>
                <NetworkCanvas
                  network={network.data}
                  filters={filters}
                  focusId={focus}
                  onOpen={(id) => navigate(`/stakeholders/${id}`)}
                  onFirstFrame={() => setPictureDrawn(true)}
                  height={narrow ? 420 : 560}
                />
              </Suspense>
            </div>
            <Text component="figcaption" id="network-summary" size="sm" px="md" py="sm" aria-live="polite" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              {summary}
            </Text>
          </figure>
        </Card>

        <Card>
          <NetworkLegend />
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="sm">
            People in view
          </Title>
          {pictureDrawn ? (
            <PeopleInViewTable people={tablePeople} focusId={focus} />
          ) : (
            <Text size="sm" c="dimmed">
              Listing the people in view…
            </Text>
          )}
        </Card>
      </Stack>
    </>
  );
}
