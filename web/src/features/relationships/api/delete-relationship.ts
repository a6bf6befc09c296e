import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterRelationship } from './invalidate-after-relationship';

export function deleteRelationship(id: string): Promise<void> {
  return apiClient.delete(`/relationships/${encodeURIComponent(id)}`);
}

export function useDeleteRelationship() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteRelationship, onSuccess: () => invalidateAfterRelationship(queryClient) });
}
