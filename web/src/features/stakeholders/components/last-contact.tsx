import { Group, Stack, Text } from '@mantine/core';
import type { ContactCadence } from '@soundings/shared';
import { CadenceBadge } from '@/components/contact-cadence';
import { RelativeDay } from '@/components/relative-day';
import { daysSince } from '@/lib/dates';

interface LastContactProps {
  contact: ContactCadence;
  nextFollowUpOn?: string | null;
}

/** When we last spoke, with the markers that call for action: their cadence state, follow-up overdue. */
export function LastContact({ contact, nextFollowUpOn }: LastContactProps) {
  const lastContactAt = contact.lastContactOn;
  const followUpOverdue = Boolean(nextFollowUpOn && daysSince(nextFollowUpOn) > 0);
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={6} wrap="nowrap">
        {lastContactAt ? (
          <RelativeDay on={lastContactAt} size="sm" label="Last contact" />
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
        {/* "Never" already says no contact yet: only the states that call for action get a badge. */}
        {(contact.state === 'due' || contact.state === 'overdue') && <CadenceBadge contact={contact} size="xs" />}
      </Group>
      {followUpOverdue && nextFollowUpOn && (
        <Text size="xs" c="red.7" fw={500}>
          Follow-up was due <RelativeDay on={nextFollowUpOn} label="Follow-up due" />
        </Text>
      )}
    </Stack>
  );
}
