import type { Influence, UpdateInfluenceRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { influenceQueries, refreshAfterInfluenceChange } from './influence-queries';

export function updateInfluence(id: string, changes: UpdateInfluenceRequest): Promise<Influence> {
  return apiClient.patch<Influence>(`/influences/${encodeURIComponent(id)}`, changes);
}

export function useUpdateInfluence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateInfluenceRequest }) => updateInfluence(id, changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(influenceQueries.detail(saved.id).queryKey, saved);
      refreshAfterInfluenceChange(queryClient);
    },
  });
}
