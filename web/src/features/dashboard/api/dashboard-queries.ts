import type { CommitmentTrend, Dashboard, FunctionCoverage, SlippingPerson, TopTeamCockpit } from '@soundings/shared';
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
  topTeam: () =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'top-team'] as const,
      queryFn: ({ signal }) => apiClient.get<TopTeamCockpit>('/dashboard/top-team', { signal }),
    }),
  slipping: () =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'slipping'] as const,
      queryFn: ({ signal }) => apiClient.get<SlippingPerson[]>('/dashboard/slipping', { signal }),
    }),
  /** Per business function: its priorities, its committed champions, and where its leaders stand. */
  functions: () =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'functions'] as const,
      queryFn: ({ signal }) => apiClient.get<FunctionCoverage[]>('/dashboard/functions', { signal }),
    }),
  trend: (weeks: number) =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'trend', weeks] as const,
      queryFn: ({ signal }) => apiClient.get<CommitmentTrend>('/dashboard/trend', { query: { weeks }, signal }),
    }),
};
