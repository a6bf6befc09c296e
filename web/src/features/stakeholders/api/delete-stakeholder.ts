import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { stakeholderQueries } from './stakeholder-queries';

export function deleteStakeholder(id: string): Promise<void> {
  return apiClient.delete(`/stakeholders/${encodeURIComponent(id)}`);
}

export function useDeleteStakeholder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStakeholder,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: stakeholderQueries.detail(id).queryKey });
      queryClient.removeQueries({ queryKey: stakeholderQueries.journey(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: stakeholderQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.businessFunctions });
      void queryClient.invalidateQueries({ queryKey: queryRoots.fears });
      void queryClient.invalidateQueries({ queryKey: queryRoots.soundings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
      void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
    },
  });
}
