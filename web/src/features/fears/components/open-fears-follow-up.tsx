import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { FEAR_CATEGORY_LABELS, FEAR_STATUS_LABELS, type Fear } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { fearQueries } from '../api/fear-queries';
import { useUpdateFear } from '../api/update-fear';

/** Every fear of one person is a handful; one page holds them. */
const FEARS_PAGE_SIZE = 100;

function FollowUpLine({ fear }: { fear: Fear }) {
  const update = useUpdateFear();
  const words = fear.statement ?? 'Withheld: a confidential note';
  return (
    <Group gap="xs" wrap="wrap" align="flex-start" role="group" aria-label={`Open fear: ${words}`}>
      <Text size="sm" fs="italic" style={{ flex: '1 1 240px', minWidth: 0, overflowWrap: 'anywhere' }}>
        {words}
      </Text>
      <Badge size="xs" variant="default" tt="none">
        {FEAR_CATEGORY_LABELS[fear.category]}
      </Badge>
      {fear.status === 'addressing' ? (
        <Badge size="xs" variant="light" color="blue">
          {FEAR_STATUS_LABELS.addressing}
        </Badge>
      ) : (
        <Button size="compact-xs" variant="light" loading={update.isPending} onClick={() => update.mutate({ fear, changes: { status: 'addressing' } })}>
          Mark being addressed
        </Button>
      )}
      <Button size="compact-xs" variant="default" loading={update.isPending} onClick={() => update.mutate({ fear, changes: { status: 'resolved' } })}>
        Mark resolved
      </Button>
    </Group>
  );
}

/** The person's fears still open, to follow up on in the conversation and mark as they are answered. */
export function OpenFearsFollowUp({ stakeholderId }: { stakeholderId: string }) {
  const fears = useQuery(fearQueries.list({ stakeholderId, pageSize: FEARS_PAGE_SIZE }));
  const open = (fears.data?.items ?? []).filter((fear) => fear.status !== 'resolved');
  if (fears.isPending || open.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" bg="orange.0" component="section" aria-labelledby="open-fears-heading">
      <Stack gap="xs">
        <Text size="sm" fw={600} id="open-fears-heading" component="h3" m={0}>
          Open fears to follow up on ({open.length})
        </Text>
        {open.map((fear) => (
          <FollowUpLine key={fear.id} fear={fear} />
        ))}
      </Stack>
    </Paper>
  );
}
