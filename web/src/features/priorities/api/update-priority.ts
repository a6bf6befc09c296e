import type { Priority, UpdatePriorityRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPriority } from './invalidate-after-priority';

export function updatePriority(id: string, changes: UpdatePriorityRequest): Promise<Priority> {
  return apiClient.patch<Priority>(`/priorities/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdatePriority() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ priority, changes }: { priority: { id: string; version: number }; changes: Omit<UpdatePriorityRequest, 'version'> }) =>
      updatePriority(priority.id, { ...changes, version: priority.version }),
    onSettled: () => invalidateAfterPriority(queryClient),
  });
}
