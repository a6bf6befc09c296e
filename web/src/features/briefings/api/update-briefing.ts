import type { Briefing, UpdateBriefingRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { briefingQueries } from './briefing-queries';
import { invalidateAfterBriefing } from './invalidate-after-briefing';

export function updateBriefing(id: string, changes: UpdateBriefingRequest): Promise<Briefing> {
  return apiClient.patch<Briefing>(`/briefings/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the planner saw; a 409 means someone else changed the briefing first. */
export function useUpdateBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefing, changes }: { briefing: Briefing; changes: Omit<UpdateBriefingRequest, 'version'> }) =>
      updateBriefing(briefing.id, { ...changes, version: briefing.version }),
    onSuccess: (saved) => queryClient.setQueryData(briefingQueries.detail(saved.id).queryKey, saved),
    onSettled: () => invalidateAfterBriefing(queryClient),
  });
}
