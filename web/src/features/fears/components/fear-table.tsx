import { fearWords } from '@/components/confidential';
import { Anchor, Badge, Card, Group, Pagination, Table, Text } from '@mantine/core';
import { FEAR_CATEGORY_LABELS, type FearListQuery } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconMessageExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { formatDate } from '@/lib/dates';
import { fearQueries } from '../api/fear-queries';
import { FearStatusSelect } from './fear-status-select';
import { useFearUpdate } from './use-fear-update';
import { TableRegion } from '@/components/table-region';

const PAGE_SIZE = 50;

interface FearTableProps {
  filters: FearListQuery;
  onPageChange: (page: number) => void;
}

export function FearTable({ filters, onPageChange }: FearTableProps) {
  const fears = useQuery(fearQueries.list({ ...filters, pageSize: PAGE_SIZE }));
  const { update } = useFearUpdate();

  if (fears.isPending) return <LoadingState label="Loading fears…" />;
  if (fears.isError) {
    return <ErrorState error={fears.error} title="Fears could not be loaded" onRetry={() => void fears.refetch()} />;
  }
  if (fears.data.items.length === 0) {
    return (
      <Card>
        <EmptyState
          compact
          icon={<IconMessageExclamation size={24} />}
          title="No fears here"
          description="Fears are recorded from soundings. Try another status or category."
        />
      </Card>
    );
  }
  const pages = Math.ceil(fears.data.total / fears.data.pageSize);
  return (
    <Card padding={0}>
      <TableRegion label="Fears" minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Fears">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fear</Table.Th>
              <Table.Th w={180}>Who</Table.Th>
              <Table.Th w={160}>Category</Table.Th>
              <Table.Th w={130}>Voiced</Table.Th>
              <Table.Th w={170}>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fears.data.items.map((fear) => (
              <Table.Tr key={fear.id}>
                <Table.Td>
                  <Text size="sm" fs="italic">
                    {fearWords(fear)}
                  </Text>
                  {fear.response && (
                    <Text size="xs" c="dimmed" mt={2}>
                      Response: {fear.response}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/stakeholders/${fear.stakeholder.id}`} size="sm" fw={600}>
                    {fear.stakeholder.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="default" size="sm" tt="none" fw={600}>
                    {FEAR_CATEGORY_LABELS[fear.category]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(fear.voicedOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <FearStatusSelect fear={fear} onChange={(status) => update(fear, { status })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableRegion>
      <Group justify="space-between" p="md">
        <Text size="sm" c="dimmed">
          {fears.data.total} {fears.data.total === 1 ? 'fear' : 'fears'}
        </Text>
        {pages > 1 && <Pagination size="sm" total={pages} value={fears.data.page} onChange={onPageChange} />}
      </Group>
    </Card>
  );
}
