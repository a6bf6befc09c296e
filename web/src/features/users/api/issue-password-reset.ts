import type { IssuedPasswordReset } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export function issuePasswordReset(userId: string): Promise<IssuedPasswordReset> {
  return apiClient.post<IssuedPasswordReset>(`/users/${encodeURIComponent(userId)}/password-reset`);
}

/** The link comes back once; the component that shows it holds it, never the query cache. */
export function useIssuePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issuePasswordReset,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.audit }),
  });
}
