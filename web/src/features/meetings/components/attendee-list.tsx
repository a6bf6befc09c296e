import { ActionIcon, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { STAKEHOLDER_ROLE_LABELS, type MeetingAttendee } from '@soundings/shared';
import { IconUsersGroup, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CommitmentBadge } from '@/components/commitment-badge';
import { EmptyState } from '@/components/states/empty-state';

interface AttendeeListProps {
  attendees: MeetingAttendee[];
  /** The controls that add people, composed in by the page. */
  adder?: ReactNode;
  onRemove?: (attendee: MeetingAttendee) => void;
  busy: boolean;
}

/** Who is coming: any number of people, each removable. */
export function AttendeeList({ attendees, adder, onRemove, busy }: AttendeeListProps) {
  return (
    <Card component="section" aria-labelledby="attendees-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="attendees-heading">
          Attendees
        </Title>
        <Text size="sm" c="dimmed">
          {attendees.length}
        </Text>
      </Group>
      {adder && <Stack gap="xs" mb="md">{adder}</Stack>}
      {attendees.length === 0 ? (
        <EmptyState compact icon={<IconUsersGroup size={22} />} title="No one yet" description="Add the people who will be in the room." />
      ) : (
        // No scrolling box of its own: inside one the rows grew wider than a phone and the remove buttons slid out of view.
        <Stack gap={4} role="list" aria-label="Attendee list">
          {attendees.map((attendee) => (
            <Group key={attendee.id} justify="space-between" wrap="nowrap" gap="xs" py={4} role="listitem" style={{ borderBottom: '1px solid var(--mantine-color-gray-1)' }}>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {attendee.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {STAKEHOLDER_ROLE_LABELS[attendee.role]}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                <CommitmentBadge level={attendee.commitment} size="xs" />
                {onRemove && (
                  <Tooltip label="Remove from the meeting" withArrow>
                    <ActionIcon size="sm" variant="subtle" color="gray" disabled={busy} onClick={() => onRemove(attendee)} aria-label={`Remove ${attendee.name}`}>
                      <IconX size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
