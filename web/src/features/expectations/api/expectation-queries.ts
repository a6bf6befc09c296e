import type { Expectation, ExpectationListQuery, Page, RelationshipHolder } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const expectationQueries = {
  all: () => queryRoots.expectations,
  list: (filters: ExpectationListQuery) =>
    queryOptions({
      queryKey: [...queryRoots.expectations, 'list', filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Expectation>>('/expectations', { query: { ...filters }, signal }),
    }),
  /** Active accounts that may be named as the teller (the same list that may hold a relationship). */
  tellerAccounts: () =>
    queryOptions({
      queryKey: [...queryRoots.expectations, 'teller-accounts'] as const,
      queryFn: ({ signal }) => apiClient.get<RelationshipHolder[]>('/relationships/holder-accounts', { signal }),
      staleTime: 60_000,
    }),
};
