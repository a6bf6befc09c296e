import { Button, Card, Code, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { PAGE_SIZE_DEFAULT } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconFilterOff, IconPlus, IconUsers } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { AddStakeholderModal } from '@/features/stakeholders/components/add-stakeholder-modal';
import { SavedViews } from '@/features/stakeholders/components/saved-views';
import { StakeholderCards } from '@/features/stakeholders/components/stakeholder-cards';
import { StakeholderFilters } from '@/features/stakeholders/components/stakeholder-filters';
import { StakeholdersTable } from '@/features/stakeholders/components/stakeholders-table';
import { hasActiveFilters, useStakeholderFilters, viewFiltersOf } from '@/features/stakeholders/hooks/use-stakeholder-filters';
import { useCan } from '@/lib/authorization';
import { useNarrowScreen } from '@/lib/use-narrow-screen';
import { usePageTitle } from '@/lib/use-page-title';
import { PageFooter } from '@/components/page-footer';

export function StakeholdersRoute() {
  const navigate = useNavigate();
  const { filters, setFilters, clearFilters, showView } = useStakeholderFilters();
  // Cards on a phone: a table there hides commitment, contact and fears off to the side.
  const narrow = useNarrowScreen();
  const list = useQuery(stakeholderQueries.list(filters));
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const canWrite = useCan('campaign:write');
  usePageTitle('Stakeholders');

  const page = list.data?.page ?? filters.page ?? 1;
  const pageSize = list.data?.pageSize ?? PAGE_SIZE_DEFAULT;
  const total = list.data?.total ?? 0;
  const filtered = hasActiveFilters(filters);

  let body;
  if (list.isPending) {
    body = <LoadingState label="Loading stakeholders…" />;
  } else if (list.isError) {
    body = (
      <Card.Section p="lg">
        <ErrorState error={list.error} title="The stakeholder list could not be loaded" onRetry={() => void list.refetch()} />
      </Card.Section>
    );
  } else if (total === 0 && !filtered) {
    body = (
      <EmptyState
        icon={<IconUsers size={26} />}
        title="No stakeholders yet"
        description={
          <Stack gap={6} align="center">
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {canWrite
                ? 'Add the leaders whose commitment matters, starting with the top team. To explore with a demo organisation instead, run this in the project folder and reload:'
                : 'A practitioner adds the leaders whose commitment matters. To explore with a demo organisation, run this in the project folder and reload:'}
            </Text>
            <Code fz="sm">npm run seed:demo</Code>
          </Stack>
        }
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
              Add stakeholder
            </Button>
          )
        }
      />
    );
  } else if (list.data.items.length === 0 && page > 1) {
    body = (
      <EmptyState
        compact
        icon={<IconUsers size={24} />}
        title={`There is no page ${page}`}
        description={`The list has ${list.data.totalIsEstimate ? `about ${total.toLocaleString('en-GB')}` : total} ${total === 1 ? 'stakeholder' : 'stakeholders'}.`}
        actions={
          <Button variant="default" onClick={() => setFilters({ page: undefined })}>
            Go to the first page
          </Button>
        }
      />
    );
  } else if (list.data.items.length === 0) {
    body = (
      <EmptyState
        compact
        icon={<IconFilterOff size={24} />}
        title="No one matches these filters"
        description="Try a broader search or clear the filters."
        actions={
          <Button variant="default" onClick={clearFilters}>
            Clear filters
          </Button>
        }
      />
    );
  } else {
    body = (
      <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        {narrow ? (
          <StakeholderCards stakeholders={list.data.items} />
        ) : (
          <StakeholdersTable stakeholders={list.data.items} sort={filters.sort} onSortChange={(sort) => setFilters({ sort })} />
        )}
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title="Stakeholders"
        description="Everyone whose commitment matters, where they stand on the path, and who needs attention."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
              Add stakeholder
            </Button>
          )
        }
      />
      <Card padding={0}>
        <Card.Section p="md" withBorder>
          <StakeholderFilters
            filters={filters}
            onChange={setFilters}
            onClear={clearFilters}
            views={<SavedViews current={viewFiltersOf(filters)} onOpen={showView} />}
          />
        </Card.Section>
        {body}
        {list.data && total > 0 && (
          <Card.Section p="md" withBorder>
            <PageFooter page={page} pageSize={pageSize} total={total} totalIsEstimate={list.data.totalIsEstimate} noun={['stakeholder', 'stakeholders']} onPage={(next) => setFilters({ page: next })} />
          </Card.Section>
        )}
      </Card>
      <AddStakeholderModal
        opened={adding}
        onClose={closeAdd}
        onCreated={(stakeholder) => {
          closeAdd();
          notifications.show({ color: 'teal', title: 'Stakeholder added', message: `${stakeholder.name} is on the list.` });
          void navigate(`/stakeholders/${stakeholder.id}`);
        }}
      />
    </>
  );
}
