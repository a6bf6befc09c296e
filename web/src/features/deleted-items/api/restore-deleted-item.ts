import type { RestoredItem } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export function restoreDeletedItem(id: string): Promise<RestoredItem> {
  return apiClient.post<RestoredItem>(`/deleted-items/${encodeURIComponent(id)}/restore`);
}

export function useRestoreDeletedItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreDeletedItem,
    // A restore can bring back a person with all their history: every view may have changed.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
