import { Alert, Group, Text } from '@mantine/core';
import type { Sounding } from '@soundings/shared';
import { IconHistory } from '@tabler/icons-react';
import { WITHHELD_NOTE } from '@/components/confidential';
import { daysSince, formatDate, formatRelativeDays } from '@/lib/dates';

/** The last agreed next step, so the new conversation picks up where the previous one ended. */
export function PreviousSounding({ sounding }: { sounding: Sounding | null }) {
  if (!sounding) {
    return (
      <Alert variant="light" color="indigo" icon={<IconHistory size={18} />} title="First sounding">
        No one-to-one has been recorded with this person yet. Start by asking about their own experience of a powerful
        developmental relationship.
      </Alert>
    );
  }
  const overdue = sounding.followUpOn !== null && daysSince(sounding.followUpOn) > 0;
  return (
    <Alert
      variant="light"
      color="indigo"
      icon={<IconHistory size={18} />}
      title={`Last sounding: ${formatDate(sounding.heldOn)} (${formatRelativeDays(sounding.heldOn)})`}
    >
      <Text size="sm">
        <Text span fw={600}>
          Agreed next step:
        </Text>{' '}
        {/* A withheld next step is not "none": the reader may not see what was agreed. */}
        {sounding.redacted ? (
          <Text span fs="italic" c="dimmed">
            {WITHHELD_NOTE}
          </Text>
        ) : (
          (sounding.nextStep ?? 'none recorded')
        )}
      </Text>
      {sounding.followUpOn && (
        <Group gap={6} mt={2}>
          <Text size="sm">
            <Text span fw={600}>
              Follow up by:
            </Text>{' '}
            {formatDate(sounding.followUpOn)}
          </Text>
          {overdue && (
            <Text size="sm" c="red.7" fw={600}>
              overdue by {daysSince(sounding.followUpOn)} {daysSince(sounding.followUpOn) === 1 ? 'day' : 'days'}
            </Text>
          )}
        </Group>
      )}
    </Alert>
  );
}
