import type { AppSettings, UpdateSettingsRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { settingsQueries } from './settings-queries';

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsRequest) => apiClient.put<AppSettings>('/settings', input),
    onSuccess: (settings) => queryClient.setQueryData(settingsQueries.current().queryKey, settings),
  });
}
