import { commitmentGap, CommitmentLevel, Stakeholder, StakeholderRole } from '@soundings/shared';
import { mapContactCadence } from '../cadence/cadence-sql';
import { StakeholderRow } from './stakeholders.repository';

export function mapStakeholder(row: StakeholderRow): Stakeholder {
  const commitment = row.commitment as CommitmentLevel;
  const requiredCommitment = row.required_commitment as CommitmentLevel | null;
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    email: row.email,
    businessFunction: row.business_function,
    role: row.role as StakeholderRole,
    potentialChampion: row.potential_champion,
    influence: row.influence,
    reportsTo: row.reports_to_id ? { id: row.reports_to_id, name: row.reports_to_name ?? '' } : null,
    requiredCommitment,
    timingNotes: row.timing_notes,
    commitment,
    commitmentGap: commitmentGap(commitment, requiredCommitment),
    commitmentSince: row.commitment_since,
    lastContactAt: row.last_contact_at,
    nextFollowUpOn: row.next_follow_up_on,
    contact: mapContactCadence(row),
    openFears: Number(row.open_fears),
    erasedAt: row.erased_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
