import type { CreateSoundingRequest, Sounding } from '@soundings/shared';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { soundingQueries } from './sounding-queries';

export function createSounding(stakeholderId: string, sounding: CreateSoundingRequest): Promise<Sounding> {
  return apiClient.post<Sounding>(`/stakeholders/${encodeURIComponent(stakeholderId)}/soundings`, sounding);
}

export function invalidateAfterSoundingWrite(queryClient: QueryClient, stakeholderId: string): void {
  void queryClient.invalidateQueries({ queryKey: soundingQueries.byStakeholder(stakeholderId).queryKey });
  // The champion who held it now counts one more (or, corrected, one fewer).
  void queryClient.invalidateQueries({ queryKey: [...queryRoots.soundings, 'conducted-by'] });
  // A sounding moves the level, the last contact, the open fears and the dashboard.
  void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
  void queryClient.invalidateQueries({ queryKey: queryRoots.fears });
  void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
  // The briefing plan's warnings and meeting readiness follow soundings and levels.
  void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
  // What resonated across the top team follows the reactions recorded in soundings.
  void queryClient.invalidateQueries({ queryKey: queryRoots.narratives });
}

export function useCreateSounding(stakeholderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sounding: CreateSoundingRequest) => createSounding(stakeholderId, sounding),
    onSuccess: (sounding) => {
      queryClient.setQueryData(soundingQueries.detail(sounding.id).queryKey, sounding);
      invalidateAfterSoundingWrite(queryClient, stakeholderId);
    },
  });
}
