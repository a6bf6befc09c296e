import type { Narrative, NarrativeResonance } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const narrativeQueries = {
  all: () => queryRoots.narratives,
  /** Offered ones by title, then archived ones. */
  list: () =>
    queryOptions({
      queryKey: [...queryRoots.narratives, 'list'] as const,
      queryFn: ({ signal }) => apiClient.get<Narrative[]>('/narratives', { signal }),
    }),
  resonance: () =>
    queryOptions({
      queryKey: [...queryRoots.narratives, 'resonance'] as const,
      queryFn: ({ signal }) => apiClient.get<NarrativeResonance>('/narratives/resonance', { signal }),
    }),
};
