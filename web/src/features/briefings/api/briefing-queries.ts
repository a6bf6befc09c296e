import type { Briefing, BriefingPlan, Page, Priority, SuggestedBriefers } from '@soundings/shared';
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
  /** Who could brief this person, best first, with the reasons in words. */
  suggestedBriefers: (audienceId: string) =>
    queryOptions({
      queryKey: [...queryRoots.briefings, 'suggested-briefers', audienceId] as const,
      queryFn: ({ signal }) => apiClient.get<SuggestedBriefers>('/briefings/suggested-briefers', { query: { audienceId }, signal }),
    }),
  /** Every business priority a briefing may name (kept under the priorities root, so a change to one refreshes it). */
  priorityOptions: () =>
    queryOptions({
      queryKey: [...queryRoots.priorities, 'briefing-options'] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Priority>>('/priorities', { query: { pageSize: 100 }, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.briefings, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Briefing>(`/briefings/${encodeURIComponent(id)}`, { signal }),
    }),
};
