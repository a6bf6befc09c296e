import type { Initiative, InitiativeListQuery, InitiativePage } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const initiativeQueries = {
  all: () => queryRoots.initiatives,
  lists: () => [...queryRoots.initiatives, 'list'] as const,
  /** Newest day first. */
  list: (query: InitiativeListQuery) =>
    queryOptions({
      queryKey: [...initiativeQueries.lists(), query] as const,
      queryFn: ({ signal }) => apiClient.get<InitiativePage>('/initiatives', { query: { ...query }, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.initiatives, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Initiative>(`/initiatives/${encodeURIComponent(id)}`, { signal }),
    }),
};
