import type { CreateTimingWindowRequest, TimingWindow } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterTiming } from './invalidate-after-timing';

export function createTimingWindow(input: CreateTimingWindowRequest): Promise<TimingWindow> {
  return apiClient.post<TimingWindow>('/timing-windows', input);
}

export function useCreateTimingWindow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTimingWindow, onSuccess: () => invalidateAfterTiming(queryClient) });
}
