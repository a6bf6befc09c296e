import type { Dashboard } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const dashboardQueries = {
  all: () => queryRoots.dashboard,
  summary: () =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'summary'] as const,
      queryFn: ({ signal }) => apiClient.get<Dashboard>('/dashboard', { signal }),
    }),
};
