import type { ChampionEvidence, CreateChampionEvidenceRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { championQueries } from './champion-queries';

export function recordEvidence(input: CreateChampionEvidenceRequest): Promise<ChampionEvidence> {
  return apiClient.post<ChampionEvidence>('/champion-evidence', input);
}

export function useRecordEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordEvidence,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: championQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
