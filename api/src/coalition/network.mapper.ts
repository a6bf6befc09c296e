import { CommitmentLevel, InfluenceStrength, isOnBoard, NetworkLink, NetworkNode, StakeholderRole } from '@soundings/shared';
import type { NetworkLinkRow, NetworkNodeRow } from './coalition.repository';

export function mapNetworkNode(row: NetworkNodeRow): NetworkNode {
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
    influence: row.influence,
    influenceScore: row.score,
    lookedToBy: row.looked_to_by,
    reportsToId: row.reports_to_id,
  };
}

export function mapNetworkLink(row: NetworkLinkRow): NetworkLink {
  return {
    id: row.id,
    fromId: row.from_id,
    toId: row.to_id,
    kind: row.kind as NetworkLink['kind'],
    strength: row.strength as InfluenceStrength,
  };
}
