import type { Meeting } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { meetingQueries } from './meeting-queries';

export function recordSpokeFor(meetingId: string, stakeholderIds: string[]): Promise<Meeting> {
  return apiClient.post<Meeting>(`/meetings/${encodeURIComponent(meetingId)}/spoke-for`, { stakeholderIds });
}

/** After the meeting: who spoke for it. Each becomes a public champion, with the meeting as the evidence. */
export function useRecordSpokeFor(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stakeholderIds: string[]) => recordSpokeFor(meetingId, stakeholderIds),
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingQueries.detail(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: meetingQueries.all() });
      // Their level moved: paths, lists, the dashboard and the briefing plan follow.
      void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
      void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
