import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPriority } from './invalidate-after-priority';

export function deletePriority(id: string): Promise<void> {
  return apiClient.delete(`/priorities/${encodeURIComponent(id)}`);
}

export function useDeletePriority() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deletePriority, onSuccess: () => invalidateAfterPriority(queryClient) });
}
