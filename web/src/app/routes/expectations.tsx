import { Card, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Expectation, ExpectationListQuery } from '@soundings/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { expectationQueries } from '@/features/expectations/api/expectation-queries';
import { ExpectationFormModal } from '@/features/expectations/components/expectation-form-modal';
import { ExpectationsRegister } from '@/features/expectations/components/expectations-register';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';
import { notifyDeleted } from '@/components/deleted-notification';

type Filter = 'all' | 'unrealistic' | 'at_risk';

const FILTERS: Record<Filter, ExpectationListQuery> = { all: {}, unrealistic: { realistic: false }, at_risk: { status: 'at_risk' } };
const EMPTY: Record<Filter, string> = {
  all: 'Nothing is recorded yet about what any leader was told to expect. Record it from a person’s page.',
  unrealistic: 'No leader was told to expect anything unrealistic.',
  at_risk: 'No expectation is at risk.',
};
const PAGE_SIZE = 50;

export function ExpectationsRoute() {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Expectation | null>(null);
  const canWrite = useCan('campaign:write');
  const register = useQuery({ ...expectationQueries.list({ ...FILTERS[filter], page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  usePageTitle('Expectations');

  const header = (
    <PageHeader
      title="Expectations"
      description="What each leader was told to expect, by whom and when, and whether the campaign can deliver it. A training programme is not a strategy: reset what was over-promised before it disappoints. The top team comes first."
    />
  );

  const pages = register.data ? Math.max(1, Math.ceil(register.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      {header}
      <Stack gap="md" miw={0}>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={500} id="expectation-filter-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="expectation-filter-label"
            value={filter}
            onChange={(value) => {
              setFilter(value as Filter);
              setPage(1);
            }}
            data={[
              { value: 'all', label: 'All' },
              { value: 'unrealistic', label: 'Unrealistic' },
              { value: 'at_risk', label: 'At risk' },
            ]}
          />
          {register.data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {register.data.total === 1 ? '1 expectation' : `${register.data.total} expectations`}
            </Text>
          )}
        </Group>
        {register.isPending ? (
          <LoadingState label="Loading the expectations…" />
        ) : register.isError ? (
          <ErrorState error={register.error} title="The expectations could not be loaded" onRetry={() => void register.refetch()} />
        ) : register.data.items.length === 0 ? (
          <Card>
            <EmptyState icon={<IconSpeakerphone size={26} />} title="Nothing to show" description={EMPTY[filter]} />
          </Card>
        ) : (
          <ExpectationsRegister items={register.data.items} onEdit={canWrite ? setEditing : undefined} />
        )}
        {pages > 1 && (
          <Group justify="center">
            <Pagination size="sm" total={pages} value={page} onChange={setPage} />
          </Group>
        )}
      </Stack>
      {canWrite && editing && (
        <ExpectationFormModal
          opened
          onClose={() => setEditing(null)}
          subject={{ id: editing.stakeholder.id, name: editing.stakeholder.name }}
          expectation={editing}
          renderChampionPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />}
          onSaved={(saved) => {
            setEditing(null);
            notifications.show({ color: 'teal', title: 'Expectation saved', message: `What ${saved.stakeholder.name} expects.` });
          }}
          onDeleted={() => {
            setEditing(null);
            if (editing) notifyDeleted({ id: editing.id, title: 'Expectation deleted', message: 'Removed from the register.' });
          }}
        />
      )}
    </>
  );
}
