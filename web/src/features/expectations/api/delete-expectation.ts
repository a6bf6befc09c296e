import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterExpectation } from './invalidate-after-expectation';

export function deleteExpectation(id: string): Promise<void> {
  return apiClient.delete(`/expectations/${encodeURIComponent(id)}`);
}

export function useDeleteExpectation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteExpectation, onSuccess: () => invalidateAfterExpectation(queryClient) });
}
