import { RESPONSIBILITY_MONTHS_DEFAULT, type ResponsibilityReport } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const responsibilityQueries = {
  /** Whose responsibility, month by month: under the dashboard's root, so any write that refreshes the dashboard refreshes it. */
  report: (months: number = RESPONSIBILITY_MONTHS_DEFAULT) =>
    queryOptions({
      queryKey: [...queryRoots.dashboard, 'responsibility', months] as const,
      queryFn: ({ signal }) => apiClient.get<ResponsibilityReport>('/dashboard/responsibility', { query: { months }, signal }),
    }),
};
