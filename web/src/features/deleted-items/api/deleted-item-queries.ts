import type { DeletedItemPage } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const deletedItemQueries = {
  all: () => queryRoots.deletedItems,
  /** Newest deletion first. */
  list: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...queryRoots.deletedItems, 'list', { page, pageSize }] as const,
      queryFn: ({ signal }) => apiClient.get<DeletedItemPage>('/deleted-items', { query: { page, pageSize }, signal }),
      placeholderData: keepPreviousData,
      // Every delete anywhere adds to it.
      staleTime: 0,
    }),
};
