import { Anchor, Card, Group, Pagination, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { auditQueries } from '../api/audit-queries';
import { AuditTable } from './audit-table';

const PAGE_SIZE = 10;

/** Every recorded change to one person's records, and every read of their confidential notes. Admins only. */
export function StakeholderHistory({ stakeholderId }: { stakeholderId: string }) {
  const [page, setPage] = useState(1);
  const history = useQuery(auditQueries.stakeholderHistory(stakeholderId, page, PAGE_SIZE));
  const total = history.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  let body;
  if (history.isPending) body = <LoadingState label="Loading the history…" minHeight={120} />;
  else if (history.isError) body = <ErrorState error={history.error} title="The history could not be loaded" onRetry={() => void history.refetch()} />;
  else if (history.data.items.length === 0) {
    body = <EmptyState compact icon={<IconHistory size={22} />} title="No recorded changes" description="Changes and reads of confidential notes will be listed here." />;
  } else {
    body = (
      <div style={{ opacity: history.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <AuditTable entries={history.data.items} compact />
      </div>
    );
  }

  return (
    <Card component="section" aria-labelledby="history-heading">
      <Group justify="space-between" mb="xs" align="flex-start">
        <div>
          <Title order={2} fz="md" id="history-heading">
            History
          </Title>
          <Text size="xs" c="dimmed">
            Who changed or read what about this person, newest first. Only admins see this.
          </Text>
        </div>
        <Anchor
          component={Link}
          to={`/audit?stakeholderId=${encodeURIComponent(stakeholderId)}`}
          size="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
        >
          In the audit trail <IconArrowRight size={14} />
        </Anchor>
      </Group>
      {body}
      {pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {total} entries
          </Text>
          <Pagination size="sm" total={pages} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': `${control} history page` })} />
        </Group>
      )}
    </Card>
  );
}
