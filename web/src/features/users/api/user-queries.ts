import type { User } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const userQueries = {
  all: () => queryRoots.users,
  list: () =>
    queryOptions({
      queryKey: [...queryRoots.users, 'list'] as const,
      queryFn: ({ signal }) => apiClient.get<User[]>('/users', { signal }),
    }),
};
