import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export function purgeDeletedItem(id: string): Promise<void> {
  return apiClient.delete(`/deleted-items/${encodeURIComponent(id)}`);
}

export function usePurgeDeletedItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: purgeDeletedItem,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryRoots.deletedItems });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
