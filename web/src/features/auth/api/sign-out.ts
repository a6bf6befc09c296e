import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { sessionQueries } from './session-queries';

/**
 * Ends the session in the browser: the sign-in page replaces the app and every cached answer is
 * forgotten, so notes do not outlive the session.
 */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  // Tell the gate first, while it still observes the session query: clearing the cache before this
  // would detach it, and it would keep showing the app.
  queryClient.setQueryData(sessionQueries.current().queryKey, null);
  queryClient.setQueryData(sessionQueries.setup().queryKey, { needsFirstAdmin: false });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryRoots.session[0] });
}

/** Signs out (here, or on every device). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => apiClient.post<unknown>(everywhere ? '/auth/logout-everywhere' : '/auth/logout'),
    onSettled: () => forgetSession(queryClient),
  });
}
