import type { CreateStakeholderRequest, Stakeholder } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { stakeholderQueries } from './stakeholder-queries';

export function createStakeholder(input: CreateStakeholderRequest): Promise<Stakeholder> {
  return apiClient.post<Stakeholder>('/stakeholders', input);
}

export function useCreateStakeholder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStakeholder,
    onSuccess: (stakeholder) => {
      queryClient.setQueryData(stakeholderQueries.detail(stakeholder.id).queryKey, stakeholder);
      void queryClient.invalidateQueries({ queryKey: stakeholderQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.businessFunctions });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
    },
  });
}
