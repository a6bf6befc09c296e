import { Badge, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { fearWordsFor, WITHHELD_NOTE } from '@soundings/shared';

export { WITHHELD_NOTE };

/** A fear in the speaker's words, quoted; or a plain note that the words are withheld from this reader. */
export const fearWords = fearWordsFor;

export function ConfidentialBadge() {
  return (
    <Badge size="xs" variant="light" color="gray" leftSection={<IconLock size={10} />}>
      Confidential
    </Badge>
  );
}

export function WithheldText() {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {WITHHELD_NOTE}
    </Text>
  );
}
