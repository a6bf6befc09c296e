import type { CreateFirstAdminRequest, LoginRequest, Session } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '@/lib/api-client';
import { sessionQueries } from './session-queries';

function useRememberSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionQueries.current().queryKey, session);
    queryClient.setQueryData(sessionQueries.setup().queryKey, { needsFirstAdmin: false });
  };
}

export function useSignIn() {
  const remember = useRememberSession();
  return useMutation({
    mutationFn: (input: LoginRequest) => apiClient.post<Session>('/auth/login', input),
    onSuccess: remember,
  });
}

export function useCreateFirstAdmin() {
  const remember = useRememberSession();
  return useMutation({
    mutationFn: (input: CreateFirstAdminRequest) => apiClient.post<Session>('/setup/first-admin', input),
    onSuccess: remember,
  });
}
