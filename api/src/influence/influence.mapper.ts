import { isOnBoard } from '@soundings/shared';
import type { CoalitionMember, CommitmentLevel, Influence, InfluenceKind, InfluenceStrength, StakeholderRole } from '@soundings/shared';
import { InfluenceRow, MemberColumns } from './influences.repository';

export function mapMember(row: MemberColumns): CoalitionMember {
  const commitment = row.commitment as CommitmentLevel;
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    role: row.role as StakeholderRole,
    businessFunction: row.business_function,
    potentialChampion: row.potential_champion,
    commitment,
    requiredCommitment: row.required_commitment as CommitmentLevel | null,
    onBoard: isOnBoard(commitment),
  };
}

export function mapInfluence(row: InfluenceRow): Influence {
  return {
    id: row.id,
    from: mapMember(row.from_member),
    to: mapMember(row.to_member),
    kind: row.kind as InfluenceKind,
    strength: row.strength as InfluenceStrength,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
