import type { SavedView } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { savedViewQueries } from './saved-view-queries';

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => apiClient.delete(`/saved-views/${encodeURIComponent(view.id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.list().queryKey }),
  });
}
