import { Badge, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { quoted } from '@/lib/format';

export const WITHHELD_NOTE = 'Confidential: only its author and admins can read it.';

/** A fear in the speaker's words, quoted; or a plain note that the words are withheld from this reader. */
export function fearWords(fear: { statement: string | null; redacted: boolean }): string {
  return fear.redacted || fear.statement === null ? WITHHELD_NOTE : quoted(fear.statement);
}

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
