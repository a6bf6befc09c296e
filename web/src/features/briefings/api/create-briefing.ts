import type { Briefing, CreateBriefingRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterBriefing } from './invalidate-after-briefing';

export function createBriefing(input: CreateBriefingRequest): Promise<Briefing> {
  return apiClient.post<Briefing>('/briefings', input);
}

export function useCreateBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBriefing,
    onSuccess: () => invalidateAfterBriefing(queryClient),
  });
}
