import type { BusinessFunctionOption, Page, Priority, PriorityListQuery } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/** Enough for every priority of an organisation on one page; the list is per function, a handful each. */
export const PRIORITIES_PAGE_SIZE = 100;

export const priorityQueries = {
  all: () => queryRoots.priorities,
  list: (filters: PriorityListQuery = {}) =>
    queryOptions({
      queryKey: [...queryRoots.priorities, 'list', filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Priority>>('/priorities', { query: { pageSize: PRIORITIES_PAGE_SIZE, ...filters }, signal }),
    }),
  /** The functions people are in, to offer when naming a priority's function. */
  businessFunctions: () =>
    queryOptions({
      queryKey: [...queryRoots.businessFunctions, 'for-priorities'] as const,
      queryFn: ({ signal }) => apiClient.get<BusinessFunctionOption[]>('/business-functions', { signal }),
      staleTime: 60_000,
    }),
};
