import type { Session, UpdateOwnAccountRequest, User } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { sessionQueries } from './session-queries';

export function updateOwnAccount(input: UpdateOwnAccountRequest): Promise<User> {
  return apiClient.patch<User>('/auth/me', input);
}

/** Your own display name: the session's user is replaced with the answer, so the account menu shows it at once. */
export function useUpdateOwnAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOwnAccount,
    onSuccess: (user) => {
      queryClient.setQueryData(sessionQueries.current().queryKey, (session: Session | null | undefined) => (session ? { ...session, user } : session));
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
