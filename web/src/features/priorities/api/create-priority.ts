import type { CreatePriorityRequest, Priority } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPriority } from './invalidate-after-priority';

export function createPriority(input: CreatePriorityRequest): Promise<Priority> {
  return apiClient.post<Priority>('/priorities', input);
}

export function useCreatePriority() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPriority, onSuccess: () => invalidateAfterPriority(queryClient) });
}
