import type { CommitmentChange, CommitmentChangeRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { stakeholderQueries } from './stakeholder-queries';

export function recordCommitmentChange(stakeholderId: string, change: CommitmentChangeRequest): Promise<CommitmentChange> {
  return apiClient.post<CommitmentChange>(`/stakeholders/${encodeURIComponent(stakeholderId)}/commitment`, change);
}

export function useRecordCommitmentChange(stakeholderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CommitmentChangeRequest) => recordCommitmentChange(stakeholderId, change),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stakeholderQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
      void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
    },
  });
}
