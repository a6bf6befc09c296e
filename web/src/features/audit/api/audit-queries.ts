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
      // Every write elsewhere appends to the trail: never show a remembered page as current.
      staleTime: 0,
    }),
  /** The trail about one stakeholder, newest first (admins only). */
  stakeholderHistory: (stakeholderId: string, page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...queryRoots.audit, 'stakeholder-history', stakeholderId, { page, pageSize }] as const,
      queryFn: ({ signal }) =>
        apiClient.get<Page<AuditEntry>>(`/stakeholders/${encodeURIComponent(stakeholderId)}/history`, { query: { page, pageSize }, signal }),
      placeholderData: keepPreviousData,
      staleTime: 0,
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
