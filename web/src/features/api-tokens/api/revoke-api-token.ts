import type { ApiToken } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { apiTokenQueries } from './api-token-queries';

export function revokeApiToken(id: string): Promise<void> {
  return apiClient.delete(`/auth/tokens/${encodeURIComponent(id)}`);
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: (_, id) => {
      queryClient.setQueryData(apiTokenQueries.list().queryKey, (tokens: ApiToken[] | undefined) => tokens?.filter((token) => token.id !== id));
      void queryClient.invalidateQueries({ queryKey: apiTokenQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
