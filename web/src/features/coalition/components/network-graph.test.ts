import { DEFAULT_THEME } from '@mantine/core';
import type { CoalitionNetwork } from '@soundings/shared';
import { aLink, aNetworkNode } from '../network-fixtures';
import {
  buildGraph,
  businessFunctions,
  byInfluence,
  describeNetwork,
  levelColor,
  LINK_STYLES,
  networkView,
  NO_FILTERS,
  NODE_SIZE_MAX,
  NODE_SIZE_MIN,
  nodeSize,
} from './network-graph';

const dana = aNetworkNode({ id: 'dana', name: 'Dana Okafor', role: 'top_team', commitment: 'committed', onBoard: true, influenceScore: 14, lookedToBy: 3 });
const sam = aNetworkNode({ id: 'sam', name: 'Sam Reyes', role: 'line_manager', businessFunction: 'finance', reportsToId: 'dana', influenceScore: 4 });
const lee = aNetworkNode({ id: 'lee', name: 'Lee Park', businessFunction: 'IT', commitment: 'resistant', influenceScore: 0 });
const kim = aNetworkNode({ id: 'kim', name: 'Kim Ashe', role: 'top_team', businessFunction: 'IT', commitment: 'open', influenceScore: 2 });
const network: CoalitionNetwork = {
  nodes: [dana, kim, lee, sam],
  links: [aLink('lee', 'dana', 'looks_to', 3), aLink('kim', 'dana', 'mentor', 1), aLink('sam', 'lee', 'ally'), aLink('kim', 'lee', 'conflict'), aLink('sam', 'dana', 'reports_to')],
};

describe('colour and size', () => {
  it('colours each level with the Mantine shade of its ladder colour', () => {
    expect(levelColor('committed')).toBe(DEFAULT_THEME.colors.green[6]);
    expect(levelColor('resistant')).toBe(DEFAULT_THEME.colors.red[6]);
    expect(levelColor('not_sounded')).toBe(DEFAULT_THEME.colors.gray[6]);
  });

  it('sizes people from the smallest circle at no influence to the largest at the highest score, growing with the score', () => {
    expect(nodeSize(0, 14)).toBe(NODE_SIZE_MIN);
    expect(nodeSize(14, 14)).toBe(NODE_SIZE_MAX);
    expect(nodeSize(3, 0)).toBe(NODE_SIZE_MIN);
    const sizes = [1, 2, 5, 9, 14].map((score) => nodeSize(score, 14));
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(5);
  });
});

describe('buildGraph', () => {
  it('makes a node per person and an edge per tie, drawn by kind, reporting lines from the report to the manager', () => {
    const graph = buildGraph(network);
    expect(graph.nodes.map((node) => [node.key, node.attributes.label, node.attributes.color])).toEqual([
      ['dana', 'Dana Okafor', levelColor('committed')],
      ['kim', 'Kim Ashe', levelColor('open')],
      ['lee', 'Lee Park', levelColor('resistant')],
      ['sam', 'Sam Reyes', levelColor('sounded')],
    ]);
    expect(graph.nodes[0].attributes.size).toBe(NODE_SIZE_MAX);
    expect(graph.nodes[2].attributes.size).toBe(NODE_SIZE_MIN);
    expect(graph.edges.map((edge) => [edge.source, edge.target, edge.attributes.type, edge.attributes.color])).toEqual([
      ['lee', 'dana', 'arrow', LINK_STYLES.looks_to.color],
      ['kim', 'dana', 'arrow', LINK_STYLES.mentor.color],
      ['sam', 'lee', 'line', LINK_STYLES.ally.color],
      ['kim', 'lee', 'line', LINK_STYLES.conflict.color],
      ['sam', 'dana', 'arrow', LINK_STYLES.reports_to.color],
    ]);
    expect(new Set(graph.edges.map((edge) => edge.key)).size).toBe(5);
    expect(graph.edges[0].attributes.weight).toBe(3);
    // Stronger ties are thicker; reporting lines stay thin.
    expect(graph.edges[0].attributes.size).toBeGreaterThan(graph.edges[1].attributes.size);
    expect(graph.edges[4].attributes.size).toBe(1);
  });

  it('starts everyone at the same place every time, different people at different places', () => {
    const first = buildGraph(network).nodes.map((node) => [node.attributes.x, node.attributes.y]);
    const again = buildGraph({ ...network, nodes: [...network.nodes] }).nodes.map((node) => [node.attributes.x, node.attributes.y]);
    expect(again).toEqual(first);
    expect(new Set(first.map((place) => place.join(','))).size).toBe(4);
    for (const [x, y] of first) expect(Math.hypot(x, y)).toBeLessThanOrEqual(100);
  });

  it('leaves out a tie to someone not in the network', () => {
    expect(buildGraph({ nodes: [dana], links: [aLink('lee', 'dana', 'looks_to')] }).edges).toEqual([]);
  });
});

describe('filters', () => {
  it('shows everyone with no filter', () => {
    expect(networkView(network, NO_FILTERS)).toEqual(network);
  });

  it('keeps the top team only, with the ties among them', () => {
    const view = networkView(network, { ...NO_FILTERS, topTeamOnly: true });
    expect(view.nodes.map((node) => node.name)).toEqual(['Dana Okafor', 'Kim Ashe']);
    expect(view.links.map((link) => link.kind)).toEqual(['mentor']);
  });

  it('keeps one business function whatever its case, and any of several levels', () => {
    expect(networkView(network, { ...NO_FILTERS, businessFunction: 'FINANCE' }).nodes.map((node) => node.id)).toEqual(['dana', 'sam']);
    const view = networkView(network, { ...NO_FILTERS, levels: ['resistant', 'open'] });
    expect(view.nodes.map((node) => node.id)).toEqual(['kim', 'lee']);
    expect(view.links.map((link) => link.kind)).toEqual(['conflict']);
    expect(networkView(network, { businessFunction: 'IT', topTeamOnly: true, levels: ['resistant'] }).nodes).toEqual([]);
  });

  it('offers each business function once, by name', () => {
    expect(businessFunctions(network)).toEqual(['Finance', 'IT']);
  });
});

describe('in words', () => {
  it('orders by influence, then by name', () => {
    expect(byInfluence([lee, sam, aNetworkNode({ id: 'amy', name: 'Amy Lowe', influenceScore: 4 }), dana]).map((node) => node.name)).toEqual([
      'Dana Okafor',
      'Amy Lowe',
      'Sam Reyes',
      'Lee Park',
    ]);
  });

  it('summarises who is in view, how they stand and who is looked to most', () => {
    expect(describeNetwork(network)).toBe(
      '4 people in view, 4 influence links and 1 reporting line between them. 1 on board, 1 resistant. Most influential: Dana Okafor (committed, looked to by 3).',
    );
    expect(describeNetwork({ nodes: [lee], links: [] })).toBe('1 person in view, 0 influence links and 0 reporting lines between them. 0 on board, 1 resistant.');
    expect(describeNetwork({ nodes: [], links: [] })).toBe('No people in view.');
  });
});
