import type { Page, Pilot, PilotDetail, PilotListQuery, PilotsDashboard } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const pilotQueries = {
  all: () => queryRoots.pilots,
  list: (filters: PilotListQuery) =>
    queryOptions({
      queryKey: [...queryRoots.pilots, 'list', filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<Pilot>>('/pilots', { query: { pageSize: 100, ...filters }, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.pilots, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<PilotDetail>(`/pilots/${encodeURIComponent(id)}`, { signal }),
    }),
  /** Running pilots and the leaders owed a result, for the dashboard. */
  dashboard: () =>
    queryOptions({
      queryKey: [...queryRoots.pilots, 'dashboard'] as const,
      queryFn: ({ signal }) => apiClient.get<PilotsDashboard>('/dashboard/pilots', { signal }),
    }),
};
