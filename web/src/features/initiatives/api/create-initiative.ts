import type { CreateInitiativeRequest, Initiative } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { initiativeQueries } from './initiative-queries';
import { invalidateAfterInitiative } from './invalidate-after-initiative';

export function createInitiative(input: CreateInitiativeRequest): Promise<Initiative> {
  return apiClient.post<Initiative>('/initiatives', input);
}

export function useCreateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInitiative,
    onSuccess: (initiative) => {
      queryClient.setQueryData(initiativeQueries.detail(initiative.id).queryKey, initiative);
      invalidateAfterInitiative(queryClient);
    },
  });
}
