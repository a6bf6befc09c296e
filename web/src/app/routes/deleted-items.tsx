import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RESTORE_WINDOW_DAYS } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { PageFooter } from '@/components/page-footer';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { deletedItemQueries } from '@/features/deleted-items/api/deleted-item-queries';
import { usePurgeDeletedItem } from '@/features/deleted-items/api/purge-deleted-item';
import { useRestoreDeletedItem } from '@/features/deleted-items/api/restore-deleted-item';
import { DeletedItemCard } from '@/features/deleted-items/components/deleted-item-card';
import { usePageTitle } from '@/lib/use-page-title';

const PAGE_SIZE = 25;

function DeletedItemsPage() {
  const [page, setPage] = useState(1);
  const items = useQuery(deletedItemQueries.list(page, PAGE_SIZE));
  const restore = useRestoreDeletedItem();
  const purge = usePurgeDeletedItem();
  usePageTitle('Recently deleted');

  let body;
  if (items.isPending) body = <LoadingState label="Loading what was deleted…" />;
  else if (items.isError) body = <ErrorState error={items.error} title="Recently deleted could not be loaded" onRetry={() => void items.refetch()} />;
  else if (items.data.items.length === 0) {
    body = <EmptyState icon={<IconTrash size={24} />} title="Nothing deleted recently" description={`What anyone deletes stays here for ${RESTORE_WINDOW_DAYS} days, to restore.`} />;
  } else {
    body = (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.data.items.map((item) => (
          <DeletedItemCard
            key={item.id}
            item={item}
            restoring={restore.isPending && restore.variables === item.id}
            purging={purge.isPending && purge.variables === item.id}
            onRestore={() =>
              restore.mutate(item.id, {
                onSuccess: (restored) => notifications.show({ color: 'teal', title: 'Restored', message: `${restored.label} is back as it was.` }),
                onError: (error) => notifications.show({ color: 'red', title: 'Could not restore', message: error.message }),
              })
            }
            onPurge={() =>
              purge.mutate(item.id, {
                onSuccess: () => notifications.show({ color: 'gray', title: 'Deleted for good', message: `${item.label} can no longer be restored.` }),
                onError: (error) => notifications.show({ color: 'red', title: 'Could not delete', message: error.message }),
              })
            }
          />
        ))}
      </Stack>
    );
  }
  const total = items.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title="Recently deleted"
        description={`Everything deleted in the last ${RESTORE_WINDOW_DAYS} days, newest first. Restoring brings a record back as it was, with everything deleted with it (a person's soundings, levels and links). After ${RESTORE_WINDOW_DAYS} days it is gone for good; an erased person is gone from here at once.`}
      />
      {body}
      {total > PAGE_SIZE && <PageFooter page={page} pageSize={PAGE_SIZE} total={total} noun={['deleted record', 'deleted records']} onPage={setPage} />}
    </>
  );
}

export function DeletedItemsRoute() {
  return (
    <RequirePermission permission="deleted:restore" description="Only practitioners and admins, who may delete, see and restore what was deleted.">
      <DeletedItemsPage />
    </RequirePermission>
  );
}
