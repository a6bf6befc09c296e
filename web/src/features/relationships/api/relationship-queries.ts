import type { Page, Relationship, RelationshipHolder, RelationshipListQuery, RelationshipMatrix } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const relationshipQueries = {
  all: () => queryRoots.relationships,
  list: (filters: RelationshipListQuery) =>
    queryOptions({
      queryKey: [...queryRoots.relationships, 'list', filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Relationship>>('/relationships', { query: { ...filters }, signal }),
    }),
  /** Top-team members against champions and HR accounts; every cell a relationship. */
  matrix: () =>
    queryOptions({
      queryKey: [...queryRoots.relationships, 'matrix'] as const,
      queryFn: ({ signal }) => apiClient.get<RelationshipMatrix>('/relationships/matrix', { signal }),
    }),
  /** Active accounts that may be named as a holder. */
  holderAccounts: () =>
    queryOptions({
      queryKey: [...queryRoots.relationships, 'holder-accounts'] as const,
      queryFn: ({ signal }) => apiClient.get<RelationshipHolder[]>('/relationships/holder-accounts', { signal }),
      staleTime: 60_000,
    }),
};
