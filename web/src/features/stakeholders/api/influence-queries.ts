import type { Influence, StakeholderInfluence } from '@soundings/shared';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const influenceQueries = {
  all: () => queryRoots.influences,
  // Under the stakeholders' root: a sounding or a level change anywhere moves where the people they look to stand.
  ofStakeholders: () => [...queryRoots.stakeholders, 'influence'] as const,
  forStakeholder: (stakeholderId: string) =>
    queryOptions({
      queryKey: [...influenceQueries.ofStakeholders(), stakeholderId] as const,
      queryFn: ({ signal }) => apiClient.get<StakeholderInfluence>(`/stakeholders/${encodeURIComponent(stakeholderId)}/influence`, { signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.influences, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Influence>(`/influences/${encodeURIComponent(id)}`, { signal }),
    }),
};

/** A link changes who looks to whom on both people's pages, and who each attendee looks to in a meeting. */
export function refreshAfterInfluenceChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.influences });
  void queryClient.invalidateQueries({ queryKey: influenceQueries.ofStakeholders() });
  void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
}
