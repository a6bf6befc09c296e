import type { Relationship, UpdateRelationshipRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterRelationship } from './invalidate-after-relationship';

export function updateRelationship(id: string, changes: UpdateRelationshipRequest): Promise<Relationship> {
  return apiClient.patch<Relationship>(`/relationships/${encodeURIComponent(id)}`, changes);
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdateRelationship() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ relationship, changes }: { relationship: { id: string; version: number }; changes: Omit<UpdateRelationshipRequest, 'version'> }) =>
      updateRelationship(relationship.id, { ...changes, version: relationship.version }),
    onSettled: () => invalidateAfterRelationship(queryClient),
  });
}
