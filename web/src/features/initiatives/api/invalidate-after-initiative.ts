import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '@/lib/query-keys';
import { initiativeQueries } from './initiative-queries';

/**
 * What an initiative's write changes elsewhere: the programme, the people involved (their last contact and
 * journey), the dashboard (whose responsibility) and the audit trail.
 */
export function invalidateAfterInitiative(queryClient: QueryClient): void {
  for (const queryKey of [initiativeQueries.lists(), queryRoots.stakeholders, queryRoots.dashboard, queryRoots.audit]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
