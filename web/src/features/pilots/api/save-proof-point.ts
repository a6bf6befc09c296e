import type { CreateProofPointRequest, ProofPoint, UpdateProofPointRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPilot } from './invalidate-after-pilot';

export function addProofPoint(pilotId: string, input: CreateProofPointRequest): Promise<ProofPoint> {
  return apiClient.post<ProofPoint>(`/pilots/${encodeURIComponent(pilotId)}/proof-points`, input);
}

export function updateProofPoint(id: string, changes: UpdateProofPointRequest): Promise<ProofPoint> {
  return apiClient.patch<ProofPoint>(`/proof-points/${encodeURIComponent(id)}`, changes);
}

export function deleteProofPoint(id: string): Promise<void> {
  return apiClient.delete(`/proof-points/${encodeURIComponent(id)}`);
}

export function useAddProofPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pilotId, input }: { pilotId: string; input: CreateProofPointRequest }) => addProofPoint(pilotId, input),
    onSuccess: () => invalidateAfterPilot(queryClient),
  });
}

export function useUpdateProofPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proof, changes }: { proof: { id: string; version: number }; changes: Omit<UpdateProofPointRequest, 'version'> }) =>
      updateProofPoint(proof.id, { ...changes, version: proof.version }),
    onSettled: () => invalidateAfterPilot(queryClient),
  });
}

export function useDeleteProofPoint() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteProofPoint, onSuccess: () => invalidateAfterPilot(queryClient) });
}
