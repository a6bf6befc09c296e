import { Anchor, Table, Text } from '@mantine/core';
import type { MeetingSummary } from '@soundings/shared';
import { Link } from 'react-router';
import { formatDateTime, daysSince } from '@/lib/dates';
import { TableRegion } from '@/components/table-region';

export function MeetingsTable({ meetings }: { meetings: MeetingSummary[] }) {
  return (
    <TableRegion label="Meetings" minWidth={640}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Meetings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Meeting</Table.Th>
            <Table.Th w={220}>When</Table.Th>
            <Table.Th w={120} ta="right">
              Attendees
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((meeting) => {
            const past = daysSince(meeting.scheduledFor.slice(0, 10)) > 0;
            return (
              <Table.Tr key={meeting.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} size="sm" c="dark.8">
                    {meeting.title}
                  </Anchor>
                  {meeting.purpose && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {meeting.purpose}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={past ? 'dimmed' : undefined}>
                    {formatDateTime(meeting.scheduledFor)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{meeting.attendeeCount}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
