import type { NetworkLink, NetworkNode } from '@soundings/shared';

/** A person as the network read returns them; tests override what they are about. */
export function aNetworkNode(overrides: Partial<NetworkNode> & { id: string; name: string }): NetworkNode {
  return {
    title: null,
    role: 'senior_leader',
    businessFunction: 'Finance',
    potentialChampion: false,
    commitment: 'sounded',
    requiredCommitment: null,
    onBoard: false,
    influence: null,
    influenceScore: 0,
    lookedToBy: 0,
    reportsToId: null,
    ...overrides,
  };
}

export function aLink(fromId: string, toId: string, kind: NetworkLink['kind'], strength: NetworkLink['strength'] = 2): NetworkLink {
  return { id: kind === 'reports_to' ? null : `${kind}-${fromId}-${toId}`, fromId, toId, kind, strength };
}
