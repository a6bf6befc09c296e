import { InfluenceStrength, NetworkLink, NetworkNode } from '@soundings/shared';
import { toCoalitionMember } from './coalition-member';
import type { NetworkLinkRow, NetworkNodeRow } from './coalition.repository';

export function mapNetworkNode(row: NetworkNodeRow): NetworkNode {
  return {
    ...toCoalitionMember(row),
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
