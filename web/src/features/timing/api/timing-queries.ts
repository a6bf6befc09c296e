import type { Page, StakeholderTiming, TimingWindow, TimingWindowListQuery } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const timingQueries = {
  all: () => queryRoots.timing,
  /** A person's receptiveness notes and every window of theirs, by start. */
  forStakeholder: (stakeholderId: string) =>
    queryOptions({
      queryKey: [...queryRoots.timing, 'stakeholder', stakeholderId] as const,
      queryFn: ({ signal }) => apiClient.get<StakeholderTiming>(`/stakeholders/${encodeURIComponent(stakeholderId)}/timing`, { signal }),
    }),
  list: (filters: TimingWindowListQuery) =>
    queryOptions({
      queryKey: [...queryRoots.timing, 'list', filters] as const,
      queryFn: ({ signal }) => apiClient.get<Page<TimingWindow>>('/timing-windows', { query: { ...filters }, signal }),
    }),
};
