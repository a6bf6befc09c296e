import type { ChangePasswordRequest, Session } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { sessionQueries } from './session-queries';

export function changePassword(input: ChangePasswordRequest): Promise<Session> {
  return apiClient.post<Session>('/auth/password', input);
}

/** The server replaces this session with a fresh one (new cookie, new CSRF token) and ends every other. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
