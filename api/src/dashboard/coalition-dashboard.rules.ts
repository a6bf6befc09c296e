import { CommitmentLevel, commitmentGap, isOnBoard, ladderRank } from '@soundings/shared';
import type { CockpitRow, CoalitionMember, StakeholderRole, TrendWeek } from '@soundings/shared';
import type { CockpitMemberRow, TrendWeekRow } from './coalition-dashboard.repository';

/** Where a level stands for counting steps: resistant as `sounded`, the rule `commitmentGap` uses. */
function pathPosition(level: CommitmentLevel): number {
  return level === 'resistant' ? ladderRank('sounded') : ladderRank(level);
}

/** Ladder steps from one level to another: open → committed is +2, committed → resistant is -3. */
export function movementSteps(from: CommitmentLevel, to: CommitmentLevel): number {
  return pathPosition(to) - pathPosition(from);
}

export function toCockpitRow(row: CockpitMemberRow): CockpitRow {
  const commitment = row.commitment as CommitmentLevel;
  const requiredCommitment = row.required_commitment as CommitmentLevel | null;
  const member: CoalitionMember = {
    id: row.id,
    name: row.name,
    title: row.title,
    role: row.role as StakeholderRole,
    businessFunction: row.business_function,
    potentialChampion: row.potential_champion,
    commitment,
    requiredCommitment,
    onBoard: isOnBoard(commitment),
  };
  const from = row.level_then as CommitmentLevel;
  return {
    member,
    gap: commitmentGap(commitment, requiredCommitment),
    holders: row.holders.map((holder) => ({
      type: holder.type,
      id: holder.id,
      name: holder.name,
      commitment: holder.commitment as CommitmentLevel | null,
      quality: holder.quality as CockpitRow['holders'][number]['quality'],
    })),
    lastContactAt: row.last_contact_at,
    openFears: row.open_fears,
    movement: { from, to: commitment, steps: movementSteps(from, commitment) },
  };
}

/** Largest gap first, then by name; the rows come by name, and the sort is stable. */
export function byGapThenName(rows: CockpitRow[]): CockpitRow[] {
  return [...rows].sort((a, b) => b.gap - a.gap);
}

export function toTrendWeek(row: TrendWeekRow): TrendWeek {
  return {
    weekStart: row.week_start,
    topTeam: { total: row.top_total, onBoard: row.top_on_board, withRequired: row.top_with_required, atRequired: row.top_at_required },
    everyone: { total: row.all_total, onBoard: row.all_on_board, withRequired: row.all_with_required, atRequired: row.all_at_required },
  };
}
