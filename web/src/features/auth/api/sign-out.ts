import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '@/lib/api-client';
import { sessionQueries } from './session-queries';

/** Signs out (here, or on every device) and forgets every cached answer: notes must not outlive the session. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => apiClient.post<unknown>(everywhere ? '/auth/logout-everywhere' : '/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueries.current().queryKey, null);
    },
  });
}
