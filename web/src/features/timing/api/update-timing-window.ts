import type { TimingWindow, UpdateTimingWindowRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterTiming } from './invalidate-after-timing';

export function updateTimingWindow(id: string, changes: UpdateTimingWindowRequest): Promise<TimingWindow> {
  return apiClient.patch<TimingWindow>(`/timing-windows/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdateTimingWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ window, changes }: { window: { id: string; version: number }; changes: Omit<UpdateTimingWindowRequest, 'version'> }) =>
      updateTimingWindow(window.id, { ...changes, version: window.version }),
    onSettled: () => invalidateAfterTiming(queryClient),
  });
}
