import type { Expectation, UpdateExpectationRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterExpectation } from './invalidate-after-expectation';

export function updateExpectation(id: string, changes: UpdateExpectationRequest): Promise<Expectation> {
  return apiClient.patch<Expectation>(`/expectations/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdateExpectation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ expectation, changes }: { expectation: { id: string; version: number }; changes: Omit<UpdateExpectationRequest, 'version'> }) =>
      updateExpectation(expectation.id, { ...changes, version: expectation.version }),
    onSettled: () => invalidateAfterExpectation(queryClient),
  });
}
