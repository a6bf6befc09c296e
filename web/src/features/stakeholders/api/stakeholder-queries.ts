import {
  PAGE_SIZE_DEFAULT,
  type BusinessFunctionOption,
  type Journey,
  type Page,
  type Stakeholder,
  type StakeholderListQuery,
} from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const stakeholderQueries = {
  all: () => queryRoots.stakeholders,
  lists: () => [...queryRoots.stakeholders, 'list'] as const,
  list: (filters: StakeholderListQuery) =>
    queryOptions({
      queryKey: [...stakeholderQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        apiClient.get<Page<Stakeholder>>('/stakeholders', {
          query: { pageSize: PAGE_SIZE_DEFAULT, ...filters },
          signal,
        }),
      // Keep the table on screen while the next page or filter loads.
      placeholderData: keepPreviousData,
    }),
  details: () => [...queryRoots.stakeholders, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...stakeholderQueries.details(), id] as const,
      queryFn: ({ signal }) => apiClient.get<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}`, { signal }),
    }),
  journeys: () => [...queryRoots.stakeholders, 'journey'] as const,
  journey: (id: string) =>
    queryOptions({
      queryKey: [...stakeholderQueries.journeys(), id] as const,
      queryFn: ({ signal }) => apiClient.get<Journey>(`/stakeholders/${encodeURIComponent(id)}/journey`, { signal }),
    }),
  businessFunctions: () =>
    queryOptions({
      queryKey: queryRoots.businessFunctions,
      queryFn: ({ signal }) => apiClient.get<BusinessFunctionOption[]>('/business-functions', { signal }),
      staleTime: 5 * 60_000,
    }),
};
