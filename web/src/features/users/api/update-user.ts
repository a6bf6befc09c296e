import type { UpdateUserRequest, User } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { userQueries } from './user-queries';

export function updateUser(id: string, changes: UpdateUserRequest): Promise<User> {
  return apiClient.patch<User>(`/users/${encodeURIComponent(id)}`, changes);
}

export interface UpdateUserVariables {
  user: User;
  changes: Omit<UpdateUserRequest, 'version'>;
}

/** A role change or (de)activation, sent with the version the admin saw; a 409 means another admin got there first. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: UpdateUserVariables) => updateUser(user.id, { ...changes, version: user.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(userQueries.list().queryKey, (users) => users?.map((user) => (user.id === saved.id ? saved : user)));
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
