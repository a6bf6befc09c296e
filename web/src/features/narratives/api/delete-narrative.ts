import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export function deleteNarrative(id: string): Promise<void> {
  return apiClient.delete(`/narratives/${encodeURIComponent(id)}`);
}

/** Refused (409) while soundings cite it: the answer says to archive it instead. */
export function useDeleteNarrative() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteNarrative, onSettled: () => queryClient.invalidateQueries({ queryKey: queryRoots.narratives }) });
}
