import type { AppSettings, UpdateSettingsRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { settingsQueries } from './settings-queries';

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSettingsRequest) => apiClient.put<AppSettings>('/settings', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueries.current().queryKey, settings);
      // The time zone and the cadence by role change every person's days since contact and cadence state.
      void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
    },
  });
}
