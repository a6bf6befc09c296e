import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** A pilot change shows on the pilot pages and panel, on its sponsor's journey, and in the audit trail. */
export function invalidateAfterPilot(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.pilots });
  void queryClient.invalidateQueries({ queryKey: queryRoots.stakeholders });
  void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
}
