import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPilot } from './invalidate-after-pilot';

export function deletePilot(id: string): Promise<void> {
  return apiClient.delete(`/pilots/${encodeURIComponent(id)}`);
}

export function useDeletePilot() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deletePilot, onSuccess: () => invalidateAfterPilot(queryClient) });
}
