import { DEFAULT_THEME } from '@mantine/core';
import {
  COMMITMENT_LADDER,
  isOnBoard,
  type CoalitionNetwork,
  type CommitmentLevel,
  type NetworkLink,
  type NetworkNode,
} from '@soundings/shared';

/** A ladder colour name as the hex the canvas needs, at the shade the badges use for their dots. */
export function levelColor(level: CommitmentLevel, shade = 6): string {
  const palette = DEFAULT_THEME.colors[COMMITMENT_LADDER[level].color as keyof typeof DEFAULT_THEME.colors];
  return palette[shade];
}

export const NODE_SIZE_MIN = 4;
export const NODE_SIZE_MAX = 18;

/** Circle radius in pixels: area grows with the score, so twice the score reads as twice the ink. */
export function nodeSize(score: number, maxScore: number): number {
  if (maxScore <= 0 || score <= 0) return NODE_SIZE_MIN;
  return NODE_SIZE_MIN + (NODE_SIZE_MAX - NODE_SIZE_MIN) * Math.sqrt(Math.min(score, maxScore) / maxScore);
}

export type NetworkLinkKind = NetworkLink['kind'];

export interface LinkStyle {
  /** A sigma edge program: `arrow` points at the one who sways. */
  type: 'arrow' | 'line';
  color: string;
  /** For the legend, in words. */
  label: string;
  description: string;
}

const gray = DEFAULT_THEME.colors.gray;
export const LINK_STYLES: Record<NetworkLinkKind, LinkStyle> = {
  looks_to: { type: 'arrow', color: DEFAULT_THEME.colors.indigo[4], label: 'Looks to', description: 'arrow to the person whose view sways theirs' },
  mentor: { type: 'arrow', color: DEFAULT_THEME.colors.grape[5], label: 'Is mentored by', description: 'purple arrow to the mentor' },
  ally: { type: 'line', color: DEFAULT_THEME.colors.teal[5], label: 'Allies', description: 'green line, no arrow' },
  conflict: { type: 'line', color: DEFAULT_THEME.colors.red[6], label: 'In conflict', description: 'red line, no arrow' },
  reports_to: { type: 'arrow', color: gray[3], label: 'Reports to', description: 'faint grey arrow to the manager' },
};

export function linkThickness(link: Pick<NetworkLink, 'kind' | 'strength'>): number {
  return link.kind === 'reports_to' ? 1 : 0.5 + link.strength * 0.75;
}

export interface NetworkFilters {
  businessFunction: string | null;
  topTeamOnly: boolean;
  /** Empty: every level. */
  levels: CommitmentLevel[];
}

export const NO_FILTERS: NetworkFilters = { businessFunction: null, topTeamOnly: false, levels: [] };

export function isShown(node: NetworkNode, filters: NetworkFilters): boolean {
  if (filters.topTeamOnly && node.role !== 'top_team') return false;
  if (filters.levels.length > 0 && !filters.levels.includes(node.commitment)) return false;
  if (filters.businessFunction && (node.businessFunction ?? '').toLowerCase() !== filters.businessFunction.toLowerCase()) return false;
  return true;
}

/** The people the filters leave in view and the ties with both ends among them. */
export function networkView(network: CoalitionNetwork, filters: NetworkFilters): CoalitionNetwork {
  const nodes = network.nodes.filter((node) => isShown(node, filters));
  const shown = new Set(nodes.map((node) => node.id));
  return { nodes, links: network.links.filter((link) => shown.has(link.fromId) && shown.has(link.toId)) };
}

/** Functions in the network, each once whatever its case, by name. */
export function businessFunctions(network: CoalitionNetwork): string[] {
  const byKey = new Map<string, string>();
  for (const node of network.nodes) {
    if (node.businessFunction && !byKey.has(node.businessFunction.toLowerCase())) byKey.set(node.businessFunction.toLowerCase(), node.businessFunction);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** Most influence first, then by name: the order of the table and of the summary. */
export function byInfluence(nodes: NetworkNode[]): NetworkNode[] {
  return [...nodes].sort((a, b) => b.influenceScore - a.influenceScore || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What the picture shows, in words, for the canvas's text alternative. */
export function describeNetwork(view: CoalitionNetwork): string {
  if (view.nodes.length === 0) return 'No people in view.';
  const onBoard = view.nodes.filter((node) => isOnBoard(node.commitment)).length;
  const resistant = view.nodes.filter((node) => node.commitment === 'resistant').length;
  const ties = view.links.filter((link) => link.kind !== 'reports_to').length;
  const reportingLines = view.links.length - ties;
  const leaders = byInfluence(view.nodes)
    .filter((node) => node.lookedToBy > 0)
    .slice(0, 3)
    .map((node) => `${node.name} (${COMMITMENT_LADDER[node.commitment].label.toLowerCase()}, looked to by ${node.lookedToBy})`);
  return [
    `${plural(view.nodes.length, 'person', 'people')} in view, ${plural(ties, 'influence link', 'influence links')} and ${plural(reportingLines, 'reporting line', 'reporting lines')} between them.`,
    `${onBoard} on board, ${resistant} resistant.`,
    leaders.length > 0 ? `Most influential: ${leaders.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A number in [0, 1) from a text, the same every time: seeds each person's starting place. */
export function seededUnit(text: string, salt = 0): number {
  let hash = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  // One round of mulberry32 to spread neighbouring ids apart.
  let t = (hash + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface GraphNode {
  key: string;
  attributes: { label: string; x: number; y: number; size: number; color: string };
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  attributes: { type: LinkStyle['type']; color: string; size: number; weight: number; kind: NetworkLinkKind };
}

/**
 * The whole network as graph nodes and edges for the canvas: colour by level, size by influence, a starting
 * place seeded by id (so the layout, and every screenshot of it, comes out the same each time).
 */
export function buildGraph(network: CoalitionNetwork): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const maxScore = Math.max(0, ...network.nodes.map((node) => node.influenceScore));
  const known = new Set(network.nodes.map((node) => node.id));
  // Each business function starts in a slice of its own, so the first frame already groups people.
  const functions = businessFunctions(network).map((name) => name.toLowerCase());
  const slices = functions.length + 1;
  const nodes = network.nodes.map((node) => {
    const slice = node.businessFunction ? functions.indexOf(node.businessFunction.toLowerCase()) : functions.length;
    const angle = ((2 * Math.PI) / slices) * (slice + 0.1 + 0.8 * seededUnit(node.id, 1));
    const radius = 15 + 85 * Math.sqrt(seededUnit(node.id, 2));
    return {
      key: node.id,
      attributes: {
        label: node.name,
        x: radius * Math.cos(angle),
        y: radius * Math.sin(angle),
        size: nodeSize(node.influenceScore, maxScore),
        color: levelColor(node.commitment),
      },
    };
  });
  const edges = network.links
    .filter((link) => known.has(link.fromId) && known.has(link.toId))
    .map((link) => {
      const style = LINK_STYLES[link.kind];
      return {
        key: link.id ?? `reports_to:${link.fromId}`,
        source: link.fromId,
        target: link.toId,
        attributes: { type: style.type, color: style.color, size: linkThickness(link), weight: link.strength, kind: link.kind },
      };
    });
  return { nodes, edges };
}
