import type { Session, SetupStatus, SignInMethods } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient, isApiError, setCsrfToken } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/** The signed-in session, or null when nobody is signed in. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiClient.get<Session>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const sessionQueries = {
  current: () => queryOptions({ queryKey: [...queryRoots.session, 'current'], queryFn: fetchSession, staleTime: Infinity, retry: false }),
  setup: () =>
    queryOptions({ queryKey: [...queryRoots.session, 'setup'], queryFn: () => apiClient.get<SetupStatus>('/setup'), staleTime: Infinity }),
  /** Whether single sign-on is configured; a failure only hides its button. */
  methods: () =>
    queryOptions({
      queryKey: [...queryRoots.session, 'methods'],
      queryFn: () => apiClient.get<SignInMethods>('/auth/methods'),
      staleTime: Infinity,
      retry: false,
    }),
};
