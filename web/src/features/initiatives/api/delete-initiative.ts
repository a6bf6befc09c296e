import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { initiativeQueries } from './initiative-queries';
import { invalidateAfterInitiative } from './invalidate-after-initiative';

export function deleteInitiative(id: string): Promise<void> {
  return apiClient.delete(`/initiatives/${encodeURIComponent(id)}`);
}

export function useDeleteInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteInitiative,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: initiativeQueries.detail(id).queryKey });
      invalidateAfterInitiative(queryClient);
    },
  });
}
