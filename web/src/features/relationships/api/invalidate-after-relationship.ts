import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** A relationship changes the matrix, the plan's warnings and suggested briefers, and the audit trail. */
export function invalidateAfterRelationship(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.relationships });
  void queryClient.invalidateQueries({ queryKey: queryRoots.briefings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.dashboard });
  void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
}
