import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';

/** An expectation changes the register, meeting readiness (its flag) and the audit trail. */
export function invalidateAfterExpectation(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryRoots.expectations });
  void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.audit });
}
