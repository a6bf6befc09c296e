import type { PilotDetail, TellPilotResultRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPilot } from './invalidate-after-pilot';

export function markTold(pilotId: string, input: TellPilotResultRequest): Promise<PilotDetail> {
  return apiClient.post<PilotDetail>(`/pilots/${encodeURIComponent(pilotId)}/told`, input);
}

/** That a leader who asked for proof heard the latest result (today, unless a day is given). */
export function useMarkTold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pilotId, input }: { pilotId: string; input: TellPilotResultRequest }) => markTold(pilotId, input),
    onSuccess: () => invalidateAfterPilot(queryClient),
  });
}
