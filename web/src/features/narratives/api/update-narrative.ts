import type { Narrative, UpdateNarrativeRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export function updateNarrative(id: string, changes: UpdateNarrativeRequest): Promise<Narrative> {
  return apiClient.patch<Narrative>(`/narratives/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdateNarrative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ narrative, changes }: { narrative: Pick<Narrative, 'id' | 'version'>; changes: Omit<UpdateNarrativeRequest, 'version'> }) =>
      updateNarrative(narrative.id, { ...changes, version: narrative.version }),
    // Renamed or archived, it changes the resonance table and the soundings that show it.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryRoots.narratives });
      void queryClient.invalidateQueries({ queryKey: queryRoots.soundings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
    },
  });
}
