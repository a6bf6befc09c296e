import type { Fear, FearListQuery, Page } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const fearQueries = {
  all: () => queryRoots.fears,
  lists: () => [...queryRoots.fears, 'list'] as const,
  list: (filters: FearListQuery) =>
    queryOptions({
      queryKey: [...fearQueries.lists(), filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Fear>>('/fears', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.fears, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Fear>(`/fears/${encodeURIComponent(id)}`, { signal }),
    }),
};
