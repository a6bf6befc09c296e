import type { ApiToken, CreatedApiToken } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { apiTokenQueries } from './api-token-queries';

export function createApiToken(name: string): Promise<CreatedApiToken> {
  return apiClient.post<CreatedApiToken>('/auth/tokens', { name });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: ({ token: _secret, ...listed }) => {
      // The secret stays with the component that shows it once; the cached list never holds it.
      queryClient.setQueryData(apiTokenQueries.list().queryKey, (tokens: ApiToken[] | undefined) => (tokens ? [listed, ...tokens] : tokens));
      void queryClient.invalidateQueries({ queryKey: apiTokenQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
