import type { Briefing, BriefingPlan, ReorderBriefingsRequest } from '@soundings/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { briefingQueries } from './briefing-queries';

export function reorderBriefings(request: ReorderBriefingsRequest): Promise<Briefing[]> {
  return apiClient.post<Briefing[]>('/briefings/reorder', request);
}

/** The plan with one day's briefings put in the given order, everything else where it was. */
export function planWithDayOrder(plan: BriefingPlan, { day, briefingIds }: ReorderBriefingsRequest): BriefingPlan {
  const onDay = plan.items.filter((item) => item.briefing.day === day);
  const byId = new Map(onDay.map((item) => [item.briefing.id, item]));
  const reordered = briefingIds.map((id) => byId.get(id)).filter((item) => item !== undefined);
  if (reordered.length !== onDay.length) return plan;
  let next = 0;
  return { ...plan, items: plan.items.map((item) => (item.briefing.day === day ? reordered[next++] : item)) };
}

/**
 * Moves the cards at once; the warnings that depend on the order (HR before the champions) are
 * recomputed by the server and arrive with the refetched plan.
 */
export function useReorderBriefings() {
  const queryClient = useQueryClient();
  const planKey = briefingQueries.plan().queryKey;
  return useMutation({
    mutationFn: reorderBriefings,
    onMutate: async (request) => {
      await queryClient.cancelQueries({ queryKey: planKey });
      const before = queryClient.getQueryData(planKey);
      if (before) queryClient.setQueryData(planKey, planWithDayOrder(before, request));
      return { before };
    },
    onError: (_error, _request, context) => {
      if (context?.before) queryClient.setQueryData(planKey, context.before);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: briefingQueries.all() });
      void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
    },
  });
}
