import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { FEAR_STATUS_LABELS, FEAR_STATUSES, PAGE_SIZE_MAX, type FearCategory, type FearStatus } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { fearQueries } from '../api/fear-queries';
import { FearCard } from './fear-card';
import { FEAR_STATUS_COLORS } from './fear-status';

const EMPTY_COLUMN: Record<FearStatus, string> = {
  open: 'No open fears. Ask bluntly in the next sounding.',
  addressing: 'Nothing being addressed right now.',
  resolved: 'No fears resolved yet.',
};

interface FearFilters {
  category?: FearCategory;
  stakeholderId?: string;
}

function FearColumn({ status, category, stakeholderId }: FearFilters & { status: FearStatus }) {
  const fears = useQuery(fearQueries.list({ status, category, stakeholderId, pageSize: PAGE_SIZE_MAX }));
  const headingId = `fear-column-${status}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      bg="gray.1"
      p="sm"
      radius="md"
      style={{ display: 'flex', flexDirection: 'column', minHeight: 320 }}
    >
      <Group justify="space-between" mb="sm" px={4}>
        <Group gap={8}>
          <span
            style={{ width: 10, height: 10, borderRadius: '50%', background: `var(--mantine-color-${FEAR_STATUS_COLORS[status]}-6)` }}
          />
          <Text fw={700} size="sm" id={headingId}>
            {FEAR_STATUS_LABELS[status]}
          </Text>
        </Group>
        {fears.data && (
          <Badge variant="white" color="gray" size="sm" aria-label={`${fears.data.total} fears`}>
            {fears.data.total}
          </Badge>
        )}
      </Group>
      {fears.isPending ? (
        <LoadingState label="Loading…" minHeight={120} />
      ) : fears.isError ? (
        <ErrorState error={fears.error} title="This column could not be loaded" onRetry={() => void fears.refetch()} />
      ) : fears.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xl" px="md">
          {EMPTY_COLUMN[status]}
        </Text>
      ) : (
        // The columns grow with their cards and the page scrolls: a column that scrolled on its own trapped the
        // wheel and the finger, and stacked on a phone it left each column a few cards high.
        <Stack gap="sm">
          {fears.data.items.map((fear) => (
            <FearCard key={fear.id} fear={fear} />
          ))}
          {fears.data.total > fears.data.items.length && (
            <Text size="xs" c="dimmed" ta="center">
              Showing {fears.data.items.length} of {fears.data.total}. Filter by category to narrow the list.
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

export function FearBoard({ category, stakeholderId }: FearFilters) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {FEAR_STATUSES.map((status) => (
        <FearColumn key={status} status={status} category={category} stakeholderId={stakeholderId} />
      ))}
    </SimpleGrid>
  );
}
