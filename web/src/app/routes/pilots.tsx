import { Button, Card, SegmentedControl, Stack, Text } from '@mantine/core';
import { PILOT_STATUSES, PILOT_STATUS_LABELS, type PilotStatus } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { pilotQueries } from '@/features/pilots/api/pilot-queries';
import { PilotFormModal } from '@/features/pilots/components/pilot-form-modal';
import { PilotList } from '@/features/pilots/components/pilot-list';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

const FILTERS = [{ value: 'all', label: 'All' }, ...PILOT_STATUSES.map((status) => ({ value: status, label: PILOT_STATUS_LABELS[status] }))];

export function PilotsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = PILOT_STATUSES.includes(statusParam as PilotStatus) ? (statusParam as PilotStatus) : undefined;
  const pilots = useQuery(pilotQueries.list({ status }));
  const canWrite = useCan('campaign:write');
  const navigate = useNavigate();
  const [proposing, setProposing] = useState(false);
  usePageTitle('Pilots');

  return (
    <>
      <PageHeader
        title="Pilots"
        description="Start small: pilots as proof, who sponsors each, the results so far, and whether the leaders who asked for proof have heard the latest."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setProposing(true)}>
              Propose a pilot
            </Button>
          )
        }
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Show pilots by status"
          data={FILTERS}
          value={status ?? 'all'}
          onChange={(value) => setSearchParams(value === 'all' ? {} : { status: value })}
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
        {pilots.isPending ? (
          <LoadingState label="Loading the pilots…" />
        ) : pilots.isError ? (
          <ErrorState error={pilots.error} title="The pilots could not be loaded" onRetry={() => void pilots.refetch()} />
        ) : pilots.data.items.length === 0 ? (
          <Card>
            <EmptyState
              icon={<IconFlask size={26} />}
              title={status ? `No ${PILOT_STATUS_LABELS[status].toLowerCase()} pilots` : 'No pilots yet'}
              description="A small pilot with a sponsor gives the leaders who want proof something to see."
            />
          </Card>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {pilots.data.total === 1 ? '1 pilot' : `${pilots.data.total} pilots`}: running first, then proposed, done and stopped
            </Text>
            <PilotList pilots={pilots.data.items} />
          </>
        )}
      </Stack>
      {canWrite && (
        <PilotFormModal
          opened={proposing}
          onClose={() => setProposing(false)}
          pilot={null}
          renderPersonPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />}
          onSaved={(saved) => {
            setProposing(false);
            void navigate(`/pilots/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
