import type { CreatePilotRequest, PilotDetail, UpdatePilotRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invalidateAfterPilot } from './invalidate-after-pilot';

export function createPilot(input: CreatePilotRequest): Promise<PilotDetail> {
  return apiClient.post<PilotDetail>('/pilots', input);
}

export function updatePilot(id: string, changes: UpdatePilotRequest): Promise<PilotDetail> {
  return apiClient.patch<PilotDetail>(`/pilots/${encodeURIComponent(id)}`, changes);
}

export function useCreatePilot() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPilot, onSuccess: () => invalidateAfterPilot(queryClient) });
}

/** PATCH with the version the reader saw; a 409 means someone else changed it first. */
export function useUpdatePilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pilot, changes }: { pilot: { id: string; version: number }; changes: Omit<UpdatePilotRequest, 'version'> }) =>
      updatePilot(pilot.id, { ...changes, version: pilot.version }),
    onSettled: () => invalidateAfterPilot(queryClient),
  });
}
