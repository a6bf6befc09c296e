import type { AuditEntry, AuditListQuery, AuditVerification, Page } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const auditQueries = {
  all: () => queryRoots.audit,
  lists: () => [...queryRoots.audit, 'list'] as const,
  /** Newest first. */
  list: (filters: AuditListQuery) =>
    queryOptions({
      queryKey: [...auditQueries.lists(), filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<AuditEntry>>('/audit', { query: { ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  /** Walks the whole hash chain on the server: asked for on demand, never cached as still true. */
  verification: () =>
    queryOptions({
      queryKey: [...queryRoots.audit, 'verification'] as const,
      queryFn: ({ signal }) => apiClient.get<AuditVerification>('/audit/verify', { signal }),
      staleTime: 0,
      gcTime: 0,
    }),
};
