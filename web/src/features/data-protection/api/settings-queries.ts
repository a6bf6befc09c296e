import type { AppSettings } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const settingsQueries = {
  current: () => queryOptions({ queryKey: [...queryRoots.settings, 'current'], queryFn: () => apiClient.get<AppSettings>('/settings') }),
};
