import { Anchor, Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { MEETING_VERDICT_LABELS, meetingVerdictReasons, type MeetingListItem } from '@soundings/shared';
import { IconCircleCheck, IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime, daysSince } from '@/lib/dates';
import { TableRegion } from '@/components/table-region';

/** "Ready" or "Not ready", in a word anyone can read at a glance, with why underneath. */
export function MeetingVerdict({ meeting }: { meeting: MeetingListItem }) {
  const { verdict } = meeting.readiness;
  const reasons = meetingVerdictReasons(meeting.readiness);
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={verdict === 'ready' ? 'teal.9' : verdict === 'not_ready' ? 'red.9' : 'gray.7'}
        variant="filled"
        leftSection={verdict === 'ready' ? <IconCircleCheck size={12} /> : verdict === 'not_ready' ? <IconAlertTriangle size={12} /> : undefined}
        data-verdict={verdict}
      >
        {MEETING_VERDICT_LABELS[verdict]}
      </Badge>
      {reasons.length > 0 && (
        <Text size="xs" c="dark.5">
          {reasons.join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** "3 of 5 on board", "2 of 4 at their required level" (or that none has one set). */
function roomLines(meeting: MeetingListItem): { onBoard: string; atRequired: string } {
  const { attendees, onBoard, atRequired, withRequired } = meeting.readiness;
  return {
    onBoard: `${onBoard} of ${attendees} on board`,
    atRequired: withRequired === 0 ? 'no required levels set' : `${atRequired} of ${withRequired} at their required level`,
  };
}

function When({ meeting }: { meeting: MeetingListItem }) {
  const past = daysSince(meeting.scheduledFor.slice(0, 10)) > 0;
  return (
    <Text size="sm" c={past ? 'dark.4' : undefined}>
      {formatDateTime(meeting.scheduledFor)}
    </Text>
  );
}

function Title({ meeting }: { meeting: MeetingListItem }) {
  return (
    <>
      <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} size="sm" c="dark.8">
        {meeting.title}
      </Anchor>
      {meeting.purpose && (
        <Text size="xs" c="dark.4" lineClamp={1}>
          {meeting.purpose}
        </Text>
      )}
    </>
  );
}

export function MeetingsTable({ meetings }: { meetings: MeetingListItem[] }) {
  return (
    <TableRegion label="Meetings" minWidth={760}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Meetings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Meeting</Table.Th>
            <Table.Th w={200}>When</Table.Th>
            <Table.Th w={230}>The room</Table.Th>
            <Table.Th w={230}>Readiness</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((meeting) => {
            const lines = roomLines(meeting);
            return (
              <Table.Tr key={meeting.id} data-meeting={meeting.title}>
                <Table.Td>
                  <Title meeting={meeting} />
                </Table.Td>
                <Table.Td>
                  <When meeting={meeting} />
                </Table.Td>
                <Table.Td>
                  {meeting.readiness.attendees === 0 ? (
                    <Text size="sm" c="dark.4">
                      No attendees yet
                    </Text>
                  ) : (
                    <Stack gap={0}>
                      <Text size="sm">{lines.onBoard}</Text>
                      <Text size="xs" c="dark.5">
                        {lines.atRequired}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <MeetingVerdict meeting={meeting} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}

/** The list on a phone: one card per meeting with its verdict first. */
export function MeetingCards({ meetings }: { meetings: MeetingListItem[] }) {
  return (
    <Stack gap="xs" p="sm" role="list" aria-label="Meetings">
      {meetings.map((meeting) => {
        const lines = roomLines(meeting);
        return (
          <Paper key={meeting.id} withBorder radius="md" p="sm" role="listitem" data-meeting={meeting.title}>
            <Stack gap={6}>
              <div>
                <Title meeting={meeting} />
              </div>
              <When meeting={meeting} />
              <MeetingVerdict meeting={meeting} />
              {meeting.readiness.attendees > 0 && (
                <Text size="xs">
                  {lines.onBoard}
                  <Text span inherit c="dark.5">
                    {' · '}
                    {lines.atRequired}
                  </Text>
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
