import { CommitmentChange, CommitmentLevel } from '@soundings/shared';
import { CommitmentChangeRow } from './commitment.repository';

/** Maps a history (oldest first); each change's `fromLevel` is the level before it. */
export function mapCommitmentHistory(rows: CommitmentChangeRow[]): CommitmentChange[] {
  let previous: CommitmentLevel = 'not_sounded';
  return rows.map((row) => {
    const change: CommitmentChange = {
      id: row.id,
      stakeholderId: row.stakeholder_id,
      fromLevel: previous,
      toLevel: row.to_level as CommitmentLevel,
      on: row.changed_on,
      reason: row.reason,
      soundingId: row.sounding_id,
      createdAt: row.created_at.toISOString(),
    };
    previous = change.toLevel;
    return change;
  });
}
