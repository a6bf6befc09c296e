import type { SavedView } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const savedViewQueries = {
  /** The signed-in user's own views of the stakeholder list, by name. */
  list: () =>
    queryOptions({
      queryKey: queryRoots.savedViews,
      queryFn: ({ signal }) => apiClient.get<SavedView[]>('/saved-views', { signal }),
    }),
};
