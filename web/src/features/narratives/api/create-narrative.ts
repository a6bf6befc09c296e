import type { CreateNarrativeRequest, Narrative } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export function createNarrative(input: CreateNarrativeRequest): Promise<Narrative> {
  return apiClient.post<Narrative>('/narratives', input);
}

export function useCreateNarrative() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createNarrative, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryRoots.narratives }) });
}
