import type { Initiative, UpdateInitiativeRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import { initiativeQueries } from './initiative-queries';
import { invalidateAfterInitiative } from './invalidate-after-initiative';

export function updateInitiative(id: string, changes: UpdateInitiativeRequest): Promise<Initiative> {
  return apiClient.patch<Initiative>(`/initiatives/${encodeURIComponent(id)}`, changes);
}

/** Details, owner or the whole list of people, with the version last seen; on a 409 the list shows it as it now is. */
export function useUpdateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ initiative, changes }: { initiative: Initiative; changes: Omit<UpdateInitiativeRequest, 'version'> }) =>
      updateInitiative(initiative.id, { ...changes, version: initiative.version }),
    onSuccess: (saved) => queryClient.setQueryData(initiativeQueries.detail(saved.id).queryKey, saved),
    onError: (error, { initiative }) => {
      if (isApiError(error) && error.isVersionConflict && error.current) {
        queryClient.setQueryData(initiativeQueries.detail(initiative.id).queryKey, error.current as Initiative);
      }
    },
    onSettled: () => invalidateAfterInitiative(queryClient),
  });
}
