import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Meeting } from '@soundings/shared';
import { IconMicrophone2 } from '@tabler/icons-react';
import { useState } from 'react';
import { todayIso } from '@/lib/dates';
import { useRecordSpokeFor } from '../api/record-spoke-for';

/** After the meeting: tick who spoke for it; each becomes a public champion with the meeting as evidence. */
export function SpokeForForm({ meeting }: { meeting: Meeting }) {
  const record = useRecordSpokeFor(meeting.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const spoke = meeting.attendees.filter((attendee) => attendee.spokeFor);
  const candidates = meeting.attendees.filter((attendee) => !attendee.spokeFor);
  const happened = todayIso(new Date(meeting.scheduledFor)) <= todayIso();

  return (
    <Card component="section" aria-labelledby="spoke-heading">
      <Title order={2} fz="md" id="spoke-heading">
        After the meeting
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        Who spoke for coaching and mentoring in the room? They become public champions, with this meeting as the evidence.
      </Text>
      {spoke.length > 0 && (
        <Group gap={6} mb="sm">
          {spoke.map((attendee) => (
            <Badge key={attendee.id} color="lime" variant="light" leftSection={<IconMicrophone2 size={11} />}>
              {attendee.name}
            </Badge>
          ))}
        </Group>
      )}
      {!happened ? (
        <Text size="sm" c="dimmed">
          You can record this once the meeting has taken place.
        </Text>
      ) : candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {meeting.attendees.length === 0 ? 'No attendees.' : 'Everyone attending has been recorded as speaking for it.'}
        </Text>
      ) : (
        <Stack gap="sm">
          <Checkbox.Group value={chosen} onChange={setChosen} aria-label="Who spoke for it">
            <Stack gap={6}>
              {candidates.map((attendee) => (
                <Checkbox key={attendee.id} value={attendee.id} label={attendee.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          {record.isError && (
            <Alert color="red" variant="light" role="alert">
              {record.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              disabled={chosen.length === 0}
              loading={record.isPending}
              onClick={() =>
                record.mutate(chosen, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'teal',
                      title: 'Recorded',
                      message: `${chosen.length} ${chosen.length === 1 ? 'person is' : 'people are'} now public champions.`,
                    });
                    setChosen([]);
                  },
                })
              }
            >
              Record who spoke for it
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
