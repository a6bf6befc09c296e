import { Button, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Initiative } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { initiativeQueries } from '@/features/initiatives/api/initiative-queries';
import { InitiativeFormModal } from '@/features/initiatives/components/initiative-form-modal';
import { InitiativeList } from '@/features/initiatives/components/initiative-list';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { todayIso } from '@/lib/dates';
import { usePageTitle } from '@/lib/use-page-title';
import { notifyDeleted } from '@/components/deleted-notification';

const PAST_PAGE_SIZE = 20;
const UPCOMING_MAX = 100;

function yesterday(): string {
  const day = new Date();
  day.setDate(day.getDate() - 1);
  return todayIso(day);
}

function ProgrammeSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card component="section" padding={0} aria-labelledby={id}>
      <Stack gap={2} p="md">
        <Title order={2} fz="md" id={id}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </Stack>
      {children}
    </Card>
  );
}

/** The rolling programme that keeps leaders involved: what is coming up, what was held, who owns each and who is in it. */
export function ProgrammeRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const today = todayIso();
  const upcoming = useQuery(initiativeQueries.list({ from: today, pageSize: UPCOMING_MAX }));
  const past = useQuery(initiativeQueries.list({ to: yesterday(), page, pageSize: PAST_PAGE_SIZE }));
  const canWrite = useCan('campaign:write');
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  usePageTitle('Programme');

  const newInitiative = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New initiative
    </Button>
  );
  const onEdit = canWrite ? (initiative: Initiative) => setEditing(initiative) : undefined;

  let coming: ReactNode;
  if (upcoming.isPending) coming = <LoadingState label="Loading what is coming up…" minHeight={80} />;
  else if (upcoming.isError) coming = <ErrorState error={upcoming.error} title="The programme could not be loaded" onRetry={() => void upcoming.refetch()} />;
  else if (upcoming.data.items.length === 0) {
    coming = (
      <EmptyState
        compact
        icon={<IconCalendarEvent size={22} />}
        title="Nothing planned"
        description="Leaders fall off the radar between conversations: plan the next update, event or showcase, owned by a leader."
        actions={newInitiative}
      />
    );
  } else {
    // Soonest first.
    coming = <InitiativeList label="Coming up" initiatives={[...upcoming.data.items].reverse()} onEdit={onEdit} />;
  }

  let held: ReactNode;
  if (past.isPending) held = <LoadingState label="Loading past initiatives…" minHeight={80} />;
  else if (past.isError) held = <ErrorState error={past.error} title="Past initiatives could not be loaded" onRetry={() => void past.refetch()} />;
  else if (past.data.items.length === 0) held = <EmptyState compact icon={<IconCalendarEvent size={22} />} title="None held yet" description="Initiatives appear here once their day has passed." />;
  else {
    const pages = Math.ceil(past.data.total / PAST_PAGE_SIZE);
    held = (
      <>
        <InitiativeList label="Held" initiatives={past.data.items} onEdit={onEdit} />
        {pages > 1 && (
          <Group justify="space-between" p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" c="dimmed">
              {past.data.total} held
            </Text>
            <Pagination size="sm" total={pages} value={page} onChange={(next) => setSearchParams({ page: String(next) })} />
          </Group>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Programme"
        description="The rolling programme that keeps leaders involved between conversations: updates, events and showcases, each owned by a leader where possible, not by HR. Being involved counts as contact once the day has come."
        actions={newInitiative}
      />
      <Stack gap="md">
        <ProgrammeSection id="programme-upcoming" title="Coming up" description="Today and later, soonest first">
          {coming}
        </ProgrammeSection>
        <ProgrammeSection id="programme-held" title="Held" description="Most recent first">
          {held}
        </ProgrammeSection>
      </Stack>
      {canWrite && (
        <InitiativeFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          initiative={editing === 'new' ? null : editing}
          renderPersonPicker={({ onChange, ...props }) => <PersonPicker {...props} onChange={(person) => onChange(person)} comboboxProps={{ withinPortal: true }} />}
          onSaved={(initiative, created) => {
            setEditing(null);
            notifications.show({ color: 'teal', title: created ? 'Initiative added' : 'Initiative saved', message: initiative.title });
          }}
          onDeleted={() => {
            setEditing(null);
            if (editing && editing !== 'new') notifyDeleted({ id: editing.id, title: 'Initiative deleted', message: `${editing.title} is no longer in the programme.` });
          }}
        />
      )}
    </>
  );
}
