import type { CoalitionMember, FunctionCoverage } from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
import { mapPriorityRef } from '../priorities/priority.mapper';
import type { FunctionCoverageRow } from './function-coverage.repository';

/** A function is covered once a committed or public champion works in it: someone there can carry the case. */
export function isCovered(champions: readonly CoalitionMember[]): boolean {
  return champions.some((champion) => champion.commitment === 'committed' || champion.commitment === 'public_champion');
}

export function toFunctionCoverage(row: FunctionCoverageRow): FunctionCoverage {
  const champions = row.champions.map(toCoalitionMember);
  return {
    businessFunction: row.business_function,
    priorities: row.priorities.map(mapPriorityRef),
    champions,
    covered: isCovered(champions),
    leaders: row.leaders.map(toCoalitionMember).map((stakeholder) => ({ stakeholder, commitment: stakeholder.commitment })),
  };
}
