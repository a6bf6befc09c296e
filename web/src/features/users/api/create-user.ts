import type { CreateUserRequest, User } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { userQueries } from './user-queries';

export function createUser(input: CreateUserRequest): Promise<User> {
  return apiClient.post<User>('/users', input);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
