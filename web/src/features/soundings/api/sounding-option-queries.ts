import type { Narrative, Page, Priority } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/** Every listed priority fits one page: a handful per function. */
const PRIORITIES_PAGE_SIZE = 100;

/** What the sounding form offers: the listed priorities and the organisation's narratives. */
export const soundingOptionQueries = {
  priorities: () =>
    queryOptions({
      queryKey: [...queryRoots.priorities, 'for-soundings'] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Priority>>('/priorities', { query: { pageSize: PRIORITIES_PAGE_SIZE }, signal }),
      staleTime: 60_000,
    }),
  narratives: () =>
    queryOptions({
      queryKey: [...queryRoots.narratives, 'for-soundings'] as const,
      queryFn: ({ signal }) => apiClient.get<Narrative[]>('/narratives', { signal }),
      staleTime: 60_000,
    }),
};
