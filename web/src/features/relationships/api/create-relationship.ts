import type { CreateRelationshipRequest, Relationship } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterRelationship } from './invalidate-after-relationship';

export function createRelationship(input: CreateRelationshipRequest): Promise<Relationship> {
  return apiClient.post<Relationship>('/relationships', input);
}

export function useCreateRelationship() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRelationship, onSuccess: () => invalidateAfterRelationship(queryClient) });
}
