import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** A window changes the person's timing, the plan's and meetings' warnings, whom to sound next, and the audit trail. */
export function invalidateAfterTiming(queryClient: QueryClient): void {
  for (const queryKey of [queryRoots.timing, queryRoots.briefings, queryRoots.meetings, queryRoots.dashboard, queryRoots.audit]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
