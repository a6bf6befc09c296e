import type { ResetPasswordRequest } from '@soundings/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export function resetPassword(input: ResetPasswordRequest): Promise<void> {
  return apiClient.post<void>('/auth/password-reset', input);
}

/** Sets a new password through an admin's reset link; nobody is signed in while this runs. */
export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
