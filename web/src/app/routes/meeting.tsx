import { Anchor, Breadcrumbs, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Meeting, MeetingAttendee } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconEdit, IconPrinter, IconUsersGroup, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { meetingQueries } from '@/features/meetings/api/meeting-queries';
import { useUpdateMeeting } from '@/features/meetings/api/update-meeting';
import { AttendeeList } from '@/features/meetings/components/attendee-list';
import { BeforeTheMeeting } from '@/features/meetings/components/before-the-meeting';
import { LooksTo } from '@/features/meetings/components/looks-to';
import { MeetingFormModal } from '@/features/meetings/components/meeting-form-modal';
import { ReadinessSummary } from '@/features/meetings/components/readiness-summary';
import { RoomGrid } from '@/features/meetings/components/room-grid';
import { SpokeForForm } from '@/features/meetings/components/spoke-for-form';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { isApiError } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';
import { formatDateTime } from '@/lib/dates';
import { usePageTitle } from '@/lib/use-page-title';
import { notifyDeleted } from '@/components/deleted-notification';

function notifyRefused(error: Error) {
  const conflict = isApiError(error) && error.isVersionConflict;
  notifications.show({
    color: conflict ? 'orange' : 'red',
    title: 'The attendee list was not changed',
    message: conflict ? 'Someone else changed this meeting meanwhile. It now shows their list; make your change again.' : error.message,
  });
}

/** Search for one person, or bring in the whole top team at once. */
function AttendeeAdder({ meeting }: { meeting: Meeting }) {
  const update = useUpdateMeeting();
  const [pickerKey, setPickerKey] = useState(0);
  const topTeam = useQuery(stakeholderQueries.list({ role: 'top_team', pageSize: 100, sort: 'name' }));
  const present = new Set(meeting.attendees.map((attendee) => attendee.id));
  const missingTopTeam = (topTeam.data?.items ?? []).filter((member) => !present.has(member.id));

  const setAttendees = (attendeeIds: string[], done: string) =>
    update.mutate({ meeting, changes: { attendeeIds } }, { onSuccess: () => notifications.show({ color: 'teal', title: 'Attendees updated', message: done }), onError: notifyRefused });

  return (
    <>
      <PersonPicker
        key={pickerKey}
        aria-label="Add an attendee"
        placeholder="Add someone: search by name"
        value={null}
        disabled={update.isPending}
        onChange={(person) => {
          setPickerKey((key) => key + 1);
          if (!person || present.has(person.id)) return;
          setAttendees([...meeting.attendees.map((attendee) => attendee.id), person.id], `${person.name} is attending.`);
        }}
        comboboxProps={{ withinPortal: true }}
      />
      <Button
        variant="light"
        leftSection={<IconUsersPlus size={16} />}
        disabled={missingTopTeam.length === 0 || update.isPending}
        loading={update.isPending}
        onClick={() =>
          setAttendees(
            [...meeting.attendees.map((attendee) => attendee.id), ...missingTopTeam.map((member) => member.id)],
            `${missingTopTeam.length} top-team ${missingTopTeam.length === 1 ? 'member' : 'members'} added.`,
          )
        }
      >
        {topTeam.data && missingTopTeam.length === 0 && topTeam.data.items.length > 0
          ? 'Whole top team added'
          : `Add the whole top team${missingTopTeam.length > 0 ? ` (${missingTopTeam.length})` : ''}`}
      </Button>
    </>
  );
}

export function MeetingRoute() {
  const { meetingId = '' } = useParams();
  const navigate = useNavigate();
  const meeting = useQuery(meetingQueries.detail(meetingId));
  const readiness = useQuery(meetingQueries.readiness(meetingId));
  const update = useUpdateMeeting();
  const canWrite = useCan('campaign:write');
  const [editing, setEditing] = useState(false);
  usePageTitle(meeting.data?.title ?? 'Meeting');

  const breadcrumbs = (
    <Breadcrumbs separatorMargin={6}>
      <Anchor component={Link} to="/meetings" size="sm">
        Meetings
      </Anchor>
      {meeting.data && (
        <Text size="sm" c="dimmed">
          {meeting.data.title}
        </Text>
      )}
    </Breadcrumbs>
  );

  if (meeting.isPending) return <LoadingState label="Loading the meeting…" />;
  if (meeting.isError) {
    return (
      <Stack>
        {breadcrumbs}
        {isApiError(meeting.error) && meeting.error.isNotFound ? (
          <EmptyState
            icon={<IconUsersGroup size={26} />}
            title="No such meeting"
            description="It may have been deleted, or the link is wrong."
            actions={
              <Button component={Link} to="/meetings" variant="default">
                Back to meetings
              </Button>
            }
          />
        ) : (
          <ErrorState error={meeting.error} title="The meeting could not be loaded" onRetry={() => void meeting.refetch()} />
        )}
      </Stack>
    );
  }
  const current = meeting.data;
  const remove = (attendee: MeetingAttendee) =>
    update.mutate(
      { meeting: current, changes: { attendeeIds: current.attendees.filter((other) => other.id !== attendee.id).map((other) => other.id) } },
      { onError: notifyRefused },
    );

  return (
    <Stack gap="lg">
      <Stack gap={8}>
        {breadcrumbs}
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Title order={1} fz={28}>
              {current.title}
            </Title>
            <Text c="dimmed">{formatDateTime(current.scheduledFor)}</Text>
            {current.purpose && (
              <Text size="sm" maw={760} style={{ whiteSpace: 'pre-wrap' }}>
                {current.purpose}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            {canWrite && (
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            <Button component={Link} to={`/meetings/${current.id}/print`} variant="default" leftSection={<IconPrinter size={16} />}>
              Print brief
            </Button>
          </Group>
        </Group>
      </Stack>

      {readiness.isPending ? (
        <LoadingState label="Checking who is ready…" />
      ) : readiness.isError ? (
        <ErrorState error={readiness.error} title="Readiness could not be loaded" onRetry={() => void readiness.refetch()} />
      ) : (
        <ReadinessSummary readiness={readiness.data} />
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {readiness.data && readiness.data.attendees.length > 0 && (
            <Stack gap="lg">
              <BeforeTheMeeting readiness={readiness.data} canWrite={canWrite} />
              <RoomGrid readiness={readiness.data} />
              <LooksTo readiness={readiness.data} />
            </Stack>
          )}
          {readiness.data && readiness.data.attendees.length === 0 && (
            <EmptyState
              icon={<IconUsersGroup size={26} />}
              title="Who will be in the room?"
              description="Add the attendees to see who is on board, who has never been sounded one to one, and which fears are still open."
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <AttendeeList
              attendees={current.attendees}
              adder={canWrite ? <AttendeeAdder meeting={current} /> : undefined}
              onRemove={canWrite ? remove : undefined}
              busy={update.isPending}
            />
            {canWrite && <SpokeForForm meeting={current} />}
          </Stack>
        </Grid.Col>
      </Grid>

      {canWrite && (
        <MeetingFormModal
          opened={editing}
          onClose={() => setEditing(false)}
          meeting={current}
          onSaved={() => setEditing(false)}
          onDeleted={() => {
            setEditing(false);
            notifyDeleted({ id: current.id, title: 'Meeting deleted', message: `${current.title} has been removed.` });
            void navigate('/meetings');
          }}
        />
      )}
    </Stack>
  );
}
