import type { Meeting, UpdateMeetingRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { meetingQueries } from './meeting-queries';

export function updateMeeting(id: string, changes: UpdateMeetingRequest): Promise<Meeting> {
  return apiClient.patch<Meeting>(`/meetings/${encodeURIComponent(id)}`, changes);
}

/** Details or the whole attendee list, with the version last seen; on a 409 the screen shows the meeting as it now is. */
export function useUpdateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meeting, changes }: { meeting: Meeting; changes: Omit<UpdateMeetingRequest, 'version'> }) =>
      updateMeeting(meeting.id, { ...changes, version: meeting.version }),
    onSuccess: (saved) => queryClient.setQueryData(meetingQueries.detail(saved.id).queryKey, saved),
    onError: (error, { meeting }) => {
      if (isApiError(error) && error.isVersionConflict && error.current) {
        queryClient.setQueryData(meetingQueries.detail(meeting.id).queryKey, error.current as Meeting);
      }
    },
    onSettled: (_saved, _error, { meeting }) => {
      void queryClient.invalidateQueries({ queryKey: meetingQueries.readiness(meeting.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: meetingQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
