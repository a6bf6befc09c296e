import { Button, Card, Group, Pagination, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { meetingQueries } from '@/features/meetings/api/meeting-queries';
import { MeetingFormModal } from '@/features/meetings/components/meeting-form-modal';
import { MeetingCards, MeetingsTable } from '@/features/meetings/components/meetings-table';
import { useNarrowScreen } from '@/lib/use-narrow-screen';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

const PAGE_SIZE = 25;

export function MeetingsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const meetings = useQuery(meetingQueries.list({ page, pageSize: PAGE_SIZE }));
  const canWrite = useCan('campaign:write');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const narrow = useNarrowScreen();
  usePageTitle('Meetings');

  const newMeeting = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New meeting
    </Button>
  );

  let body;
  if (meetings.isPending) body = <LoadingState label="Loading meetings…" />;
  else if (meetings.isError) {
    body = (
      <Card.Section p="lg">
        <ErrorState error={meetings.error} title="The meetings could not be loaded" onRetry={() => void meetings.refetch()} />
      </Card.Section>
    );
  } else if (meetings.data.items.length === 0) {
    body = (
      <EmptyState
        icon={<IconUsersGroup size={26} />}
        title="No meetings yet"
        description="Before you ask a group for support, list who will be in the room and check each of them has been sounded one to one."
        actions={newMeeting}
      />
    );
  } else {
    const pages = Math.ceil(meetings.data.total / PAGE_SIZE);
    body = (
      <>
        {narrow ? <MeetingCards meetings={meetings.data.items} /> : <MeetingsTable meetings={meetings.data.items} />}
        {pages > 1 && (
          <Card.Section p="md" withBorder>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {meetings.data.total} meetings
              </Text>
              <Pagination size="sm" total={pages} value={page} onChange={(next) => setSearchParams({ page: String(next) })} />
            </Group>
          </Card.Section>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Meetings"
        description="Group meetings where you will ask for support, each with whether its room is ready: everyone sounded one to one, no one resistant, everyone at their required level."
        actions={newMeeting}
      />
      <Card padding={0}>{body}</Card>
      {canWrite && (
        <MeetingFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          meeting={null}
          onSaved={(meeting) => {
            setCreating(false);
            notifications.show({ color: 'teal', title: 'Meeting created', message: 'Now add who will be in the room.' });
            void navigate(`/meetings/${meeting.id}`);
          }}
        />
      )}
    </>
  );
}
