import type { ChampionEvidence, ChampionList } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const championQueries = {
  all: () => queryRoots.champions,
  list: () =>
    queryOptions({
      queryKey: [...queryRoots.champions, 'list'] as const,
      queryFn: ({ signal }) => apiClient.get<ChampionList>('/champions', { signal }),
      // Soundings, briefings and meetings written elsewhere change the tests: read afresh on each visit.
      staleTime: 0,
    }),
  evidence: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.champions, 'evidence', id] as const,
      queryFn: ({ signal }) => apiClient.get<ChampionEvidence>(`/champion-evidence/${encodeURIComponent(id)}`, { signal }),
      staleTime: 0,
    }),
};
