import type { Fear, FearListQuery, Page, UpdateFearRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { todayIso } from '@/lib/dates';
import { fearQueries } from './fear-queries';

export function updateFear(id: string, changes: UpdateFearRequest): Promise<Fear> {
  return apiClient.patch<Fear>(`/fears/${encodeURIComponent(id)}`, changes);
}

export interface UpdateFearVariables {
  fear: Fear;
  changes: Omit<UpdateFearRequest, 'version'>;
}

function matches(fear: Fear, filters: FearListQuery): boolean {
  return (
    (!filters.status || fear.status === filters.status) &&
    (!filters.category || fear.category === filters.category) &&
    (!filters.stakeholderId || fear.stakeholder.id === filters.stakeholderId)
  );
}

/** Puts the changed fear where it now belongs in one cached list: kept, moved in, or moved out. */
export function applyFearToPage(page: Page<Fear>, filters: FearListQuery, fear: Fear): Page<Fear> {
  const present = page.items.some((item) => item.id === fear.id);
  const belongs = matches(fear, filters);
  if (present && belongs) return { ...page, items: page.items.map((item) => (item.id === fear.id ? fear : item)) };
  if (present) return { ...page, items: page.items.filter((item) => item.id !== fear.id), total: page.total - 1 };
  if (belongs) return { ...page, items: [fear, ...page.items], total: page.total + 1 };
  return page;
}

export function optimisticFear(fear: Fear, changes: UpdateFearVariables['changes']): Fear {
  const next: Fear = { ...fear, ...changes } as Fear;
  if (changes.status === 'resolved' && fear.status !== 'resolved') next.resolvedOn = changes.resolvedOn ?? todayIso();
  if (changes.status && changes.status !== 'resolved') next.resolvedOn = null;
  return next;
}

/** Changes a fear's status or response at once on screen; puts everything back if the server refuses. */
interface UseUpdateFearOptions {
  /** Runs even when the card that asked has moved to another column and unmounted. */
  onError?: (error: Error) => void;
}

export function useUpdateFear({ onError }: UseUpdateFearOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fear, changes }: UpdateFearVariables) => updateFear(fear.id, { ...changes, version: fear.version }),
    onMutate: async ({ fear, changes }) => {
      await queryClient.cancelQueries({ queryKey: fearQueries.lists() });
      const snapshot = queryClient.getQueriesData<Page<Fear>>({ queryKey: fearQueries.lists() });
      const next = optimisticFear(fear, changes);
      for (const [key, page] of snapshot) {
        if (!page) continue;
        const filters = (key[2] ?? {}) as FearListQuery;
        queryClient.setQueryData(key, applyFearToPage(page, filters, next));
      }
      return { snapshot };
    },
    onError: (error, _variables, context) => {
      for (const [key, page] of context?.snapshot ?? []) queryClient.setQueryData(key, page);
      onError?.(error);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(fearQueries.detail(saved.id).queryKey, saved);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: fearQueries.all() });
      // Open-fear counts and journeys live with stakeholders; the dashboard counts open fears by category.
      void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
      void queryClient.invalidateQueries({ queryKey: queryRoots.soundings });
      void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
      // Meeting readiness lists open fears.
      void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
    },
  });
}
