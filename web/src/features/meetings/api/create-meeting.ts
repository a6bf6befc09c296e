import type { CreateMeetingRequest, Meeting } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { meetingQueries } from './meeting-queries';

export function createMeeting(input: CreateMeetingRequest): Promise<Meeting> {
  return apiClient.post<Meeting>('/meetings', input);
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMeeting,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingQueries.detail(meeting.id).queryKey, meeting);
      void queryClient.invalidateQueries({ queryKey: meetingQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
