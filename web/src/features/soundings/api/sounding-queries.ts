import type { ConductedSoundings, Sounding } from '@soundings/shared';
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
  /** The soundings a person held with others as a champion. */
  conductedBy: (stakeholderId: string) =>
    queryOptions({
      queryKey: [...queryRoots.soundings, 'conducted-by', stakeholderId] as const,
      queryFn: ({ signal }) =>
        apiClient.get<ConductedSoundings>(`/stakeholders/${encodeURIComponent(stakeholderId)}/soundings-conducted`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.soundings, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Sounding>(`/soundings/${encodeURIComponent(id)}`, { signal }),
    }),
};
