import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { meetingQueries } from './meeting-queries';

export function deleteMeeting(id: string): Promise<void> {
  return apiClient.delete(`/meetings/${encodeURIComponent(id)}`);
}

export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMeeting,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: meetingQueries.detail(id).queryKey });
      queryClient.removeQueries({ queryKey: meetingQueries.readiness(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: meetingQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
