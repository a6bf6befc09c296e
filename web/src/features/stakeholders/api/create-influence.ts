import type { CreateInfluenceRequest, Influence } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { refreshAfterInfluenceChange } from './influence-queries';

export function createInfluence(link: CreateInfluenceRequest): Promise<Influence> {
  return apiClient.post<Influence>('/influences', link);
}

export function useCreateInfluence() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createInfluence, onSuccess: () => refreshAfterInfluenceChange(queryClient) });
}
