import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** A briefing changes the plan, the timelines of the people in it once done, and the audit trail. */
export function invalidateAfterBriefing(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
  void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
}
