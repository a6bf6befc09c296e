import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { DeletedItem } from '@soundings/shared';
import { DELETED_ITEM_KIND_LABELS } from '@soundings/shared';
import { useState } from 'react';
import { formatDateTime } from '@/lib/dates';

/** The held records whose table names do not read as plain words: [one, many]. */
const RECORD_WORDS: Record<string, [string, string]> = {
  'commitment changes': ['level change', 'level changes'],
  'meeting attendees': ['attendee', 'attendees'],
  'pilot proof points': ['result', 'results'],
  'pilot askers': ['ask for a pilot', 'asks for pilots'],
  'sounding priorities': ['priority cited in a sounding', 'priorities cited in soundings'],
  'sounding narratives': ['narrative heard in a sounding', 'narratives heard in soundings'],
  'briefing priorities': ['priority cited in a briefing', 'priorities cited in briefings'],
  'initiative people': ['person on an initiative', 'people on initiatives'],
  'champion evidence': ['piece of champion evidence', 'pieces of champion evidence'],
  influences: ['influence link', 'influence links'],
};

function recordWords(records: string, count: number): string {
  const words = RECORD_WORDS[records];
  if (words) return words[count === 1 ? 0 : 1];
  return count === 1 ? records.replace(/ies$/, 'y').replace(/s$/, '') : records;
}

/** "3 soundings, 1 fear": what went with it. Table names read as plain words. */
export function contentsSentence(item: DeletedItem): string | null {
  if (item.contents.length === 0) return null;
  return `With ${item.contents.map(({ records, count }) => `${count} ${recordWords(records, count)}`).join(', ')}`;
}

function daysLeft(purgeAfter: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(purgeAfter).getTime() - now) / 86_400_000));
}

interface DeletedItemCardProps {
  item: DeletedItem;
  restoring: boolean;
  purging: boolean;
  onRestore: () => void;
  onPurge: () => void;
}

export function DeletedItemCard({ item, restoring, purging, onRestore, onPurge }: DeletedItemCardProps) {
  const [confirming, setConfirming] = useState(false);
  const contents = contentsSentence(item);
  const left = daysLeft(item.purgeAfter);
  return (
    <Card withBorder padding="md" component="li" aria-label={`${DELETED_ITEM_KIND_LABELS[item.kind]}: ${item.label}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="gray" radius="sm">
              {DELETED_ITEM_KIND_LABELS[item.kind]}
            </Badge>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.label}
            </Text>
          </Group>
          {contents && (
            <Text size="sm" c="dimmed">
              {contents}
            </Text>
          )}
          <Text size="sm">
            Deleted by {item.deletedBy?.name || 'a removed account'} on {formatDateTime(item.deletedAt)}. Gone for good on {formatDateTime(item.purgeAfter)} (
            {left === 1 ? 'in 1 day' : `in ${left} days`}).
          </Text>
        </Stack>
        <Group gap="xs">
          {confirming ? (
            <>
              <Button size="sm" color="red" loading={purging} onClick={onPurge}>
                Delete for good
              </Button>
              <Button size="sm" variant="default" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </>
          ) : (
            <>
              <Button size="sm" loading={restoring} onClick={onRestore}>
                Restore
              </Button>
              <Button size="sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                Delete for good…
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Card>
  );
}
