import type { Sounding, UpdateSoundingRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterSoundingWrite } from './create-sounding';
import { soundingQueries } from './sounding-queries';

export function updateSounding(id: string, changes: UpdateSoundingRequest): Promise<Sounding> {
  return apiClient.patch<Sounding>(`/soundings/${encodeURIComponent(id)}`, changes);
}

/** Corrects a sounding; a new date or level re-derives the person's path, so the same views refresh as after logging one. */
export function useUpdateSounding(soundingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateSoundingRequest) => updateSounding(soundingId, changes),
    onSuccess: (sounding) => {
      queryClient.setQueryData(soundingQueries.detail(sounding.id).queryKey, sounding);
      invalidateAfterSoundingWrite(queryClient, sounding.stakeholderId);
    },
  });
}
