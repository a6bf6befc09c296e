import type { ErasureResult } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export function useEraseStakeholder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stakeholderId: string) => apiClient.post<ErasureResult>(`/stakeholders/${encodeURIComponent(stakeholderId)}/erase`),
    // Their name and words may sit in any cached list, timeline, plan or readiness view.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
