import { CommitmentLevel, commitmentGap, ladderRank } from '@soundings/shared';
import type { CockpitRow, TrendWeek } from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
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
  const member = toCoalitionMember(row);
  const from = row.level_then as CommitmentLevel;
  return {
    member,
    gap: commitmentGap(member.commitment, member.requiredCommitment),
    holders: row.holders.map((holder) => ({
      type: holder.type,
      id: holder.id,
      name: holder.name,
      commitment: holder.commitment as CommitmentLevel | null,
      quality: holder.quality as CockpitRow['holders'][number]['quality'],
    })),
    lastContactAt: row.last_contact_at,
    openFears: row.open_fears,
    movement: { from, to: member.commitment, steps: movementSteps(from, member.commitment) },
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
