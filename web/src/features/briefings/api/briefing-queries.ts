import type { Briefing, BriefingPlan } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const briefingQueries = {
  all: () => queryRoots.briefings,
  /** Every briefing in plan order with its readiness, and the warnings; computed by the server on each read. */
  plan: () =>
    queryOptions({
      queryKey: [...queryRoots.briefings, 'plan'] as const,
      queryFn: ({ signal }) => apiClient.get<BriefingPlan>('/briefings/plan', { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.briefings, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Briefing>(`/briefings/${encodeURIComponent(id)}`, { signal }),
    }),
};
