import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterTiming } from './invalidate-after-timing';

export function deleteTimingWindow(id: string): Promise<void> {
  return apiClient.delete(`/timing-windows/${encodeURIComponent(id)}`);
}

export function useDeleteTimingWindow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteTimingWindow, onSuccess: () => invalidateAfterTiming(queryClient) });
}
