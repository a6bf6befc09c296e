import type { SoundingRecommendations } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

/**
 * Under the dashboard's root: every write that moves the dashboard (a sounding, a level, a fear, a meeting)
 * moves the ranking too, and already invalidates that root.
 */
export const recommendationQueries = {
  all: () => [...queryRoots.dashboard, 'recommendations'] as const,
  soundings: (limit: number) =>
    queryOptions({
      queryKey: [...recommendationQueries.all(), 'soundings', limit] as const,
      queryFn: ({ signal }) => apiClient.get<SoundingRecommendations>('/recommendations/soundings', { query: { limit }, signal }),
      placeholderData: keepPreviousData,
    }),
};
