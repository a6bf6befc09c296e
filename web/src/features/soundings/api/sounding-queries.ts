import type { Sounding } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const soundingQueries = {
  all: () => queryRoots.soundings,
  byStakeholder: (stakeholderId: string) =>
    queryOptions({
      queryKey: [...queryRoots.soundings, 'by-stakeholder', stakeholderId] as const,
      queryFn: ({ signal }) =>
        apiClient.get<Sounding[]>(`/stakeholders/${encodeURIComponent(stakeholderId)}/soundings`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.soundings, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Sounding>(`/soundings/${encodeURIComponent(id)}`, { signal }),
    }),
};
