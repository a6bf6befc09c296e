import type { Meeting, MeetingListItem, MeetingListQuery, MeetingReadiness, Page } from '@soundings/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';

export const meetingQueries = {
  all: () => queryRoots.meetings,
  lists: () => [...queryRoots.meetings, 'list'] as const,
  /** Newest first. */
  list: (query: MeetingListQuery) =>
    queryOptions({
      queryKey: [...meetingQueries.lists(), query] as const,
      queryFn: ({ signal }) => apiClient.get<Page<MeetingListItem>>('/meetings', { query: { ...query }, signal }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.meetings, 'detail', id] as const,
      queryFn: ({ signal }) => apiClient.get<Meeting>(`/meetings/${encodeURIComponent(id)}`, { signal }),
    }),
  /** Who in the room is on board, never sounded, resistant, with open fears; computed on each read. */
  readiness: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.meetings, 'readiness', id] as const,
      queryFn: ({ signal }) => apiClient.get<MeetingReadiness>(`/meetings/${encodeURIComponent(id)}/readiness`, { signal }),
    }),
};
