import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { refreshAfterInfluenceChange } from './influence-queries';

export function deleteInfluence(id: string): Promise<void> {
  return apiClient.delete(`/influences/${encodeURIComponent(id)}`);
}

export function useDeleteInfluence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteInfluence, onSuccess: () => refreshAfterInfluenceChange(queryClient) });
}
