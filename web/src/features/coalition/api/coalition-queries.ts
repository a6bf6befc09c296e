import type { CoalitionNetwork, NetworkQuery } from '@soundings/shared';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/** Marked when the network's data has arrived, so its first render can be measured from there (see bench-network). */
export const NETWORK_DATA_MARK = 'network:data';

export const coalitionQueries = {
  all: () => queryRoots.coalition,
  network: (filters: NetworkQuery = {}) =>
    queryOptions({
      queryKey: [...queryRoots.coalition, 'network', filters] as const,
      queryFn: async ({ signal }) => {
        const network = await apiClient.get<CoalitionNetwork>('/coalition/network', { query: { ...filters }, signal });
        // Not every environment has the User Timing API (jsdom has none).
        performance.mark?.(NETWORK_DATA_MARK);
        return network;
      },
    }),
};
