import type { CreateExpectationRequest, Expectation } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterExpectation } from './invalidate-after-expectation';

export function createExpectation(input: CreateExpectationRequest): Promise<Expectation> {
  return apiClient.post<Expectation>('/expectations', input);
}

export function useCreateExpectation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createExpectation, onSuccess: () => invalidateAfterExpectation(queryClient) });
}
