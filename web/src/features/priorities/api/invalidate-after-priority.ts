import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** A priority changes the lists, the plan's missing-brief check, coverage, champions' stakes and the audit trail. */
export function invalidateAfterPriority(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.priorities });
  void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
  void queryClient.invalidateQueries({ queryKey: queryRoots.champions });
  void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
}
