import type { ChampionEvidence, UpdateChampionEvidenceRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { championQueries } from './champion-queries';

export function updateEvidence(id: string, changes: UpdateChampionEvidenceRequest): Promise<ChampionEvidence> {
  return apiClient.patch<ChampionEvidence>(`/champion-evidence/${encodeURIComponent(id)}`, changes);
}

/** With the version last seen; on a 409 the form shows the evidence as it now is. */
export function useUpdateEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ evidence, changes }: { evidence: ChampionEvidence; changes: Omit<UpdateChampionEvidenceRequest, 'version'> }) =>
      updateEvidence(evidence.id, { ...changes, version: evidence.version }),
    onError: (error, { evidence }) => {
      if (isApiError(error) && error.isVersionConflict && error.current) {
        queryClient.setQueryData(championQueries.evidence(evidence.id).queryKey, error.current as ChampionEvidence);
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: championQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
