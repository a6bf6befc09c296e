import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { championQueries } from './champion-queries';

export function deleteEvidence(id: string): Promise<void> {
  return apiClient.delete(`/champion-evidence/${encodeURIComponent(id)}`);
}

export function useDeleteEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvidence,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: championQueries.evidence(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: championQueries.list().queryKey });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
