import type { ApiToken } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const apiTokenQueries = {
  all: () => queryRoots.apiTokens,
  /** The signed-in user's own tokens; never their secrets. */
  list: () =>
    queryOptions({
      queryKey: [...queryRoots.apiTokens, 'list'] as const,
      queryFn: ({ signal }) => apiClient.get<ApiToken[]>('/auth/tokens', { signal }),
    }),
};
