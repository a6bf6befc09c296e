import type { Stakeholder, UpdateStakeholderRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { stakeholderQueries } from './stakeholder-queries';

export function updateStakeholder(id: string, changes: UpdateStakeholderRequest): Promise<Stakeholder> {
  return apiClient.patch<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the user saw; a 409 means someone else saved first. */
export function useUpdateStakeholder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateStakeholderRequest & { version: number }) => updateStakeholder(id, changes),
    onSuccess: (stakeholder) => {
      queryClient.setQueryData(stakeholderQueries.detail(id).queryKey, stakeholder);
    },
    onError: (error) => {
      if (isApiError(error) && error.isVersionConflict && error.current) {
        queryClient.setQueryData(stakeholderQueries.detail(id).queryKey, error.current as Stakeholder);
      }
    },
    onSettled: () => {
      // The journey carries the stakeholder too, and lists show name, function and role.
      void queryClient.invalidateQueries({ queryKey: stakeholderQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.businessFunctions });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
      // Names, roles and functions show on briefing cards and in meeting readiness.
      void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
    },
  });
}
