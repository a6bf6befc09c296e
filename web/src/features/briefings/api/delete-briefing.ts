import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { briefingQueries } from './briefing-queries';
import { invalidateAfterBriefing } from './invalidate-after-briefing';

export function deleteBriefing(id: string): Promise<void> {
  return apiClient.delete(`/briefings/${encodeURIComponent(id)}`);
}

export function useDeleteBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBriefing,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: briefingQueries.detail(id).queryKey });
      invalidateAfterBriefing(queryClient);
    },
  });
}
