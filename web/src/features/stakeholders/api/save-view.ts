import type { CreateSavedViewRequest, SavedView, UpdateSavedViewRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { savedViewQueries } from './saved-view-queries';

/** Saves the list's filters and sort under a new name. */
export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedViewRequest) => apiClient.post<SavedView>('/saved-views', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.list().queryKey }),
  });
}

/** Replaces a view's filters and sort (or renames it), with the version last seen. */
export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ view, changes }: { view: SavedView; changes: Omit<UpdateSavedViewRequest, 'version'> }) =>
      apiClient.patch<SavedView>(`/saved-views/${encodeURIComponent(view.id)}`, { ...changes, version: view.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewQueries.list().queryKey }),
  });
}
