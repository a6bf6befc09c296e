import type { CoalitionNetwork } from '@soundings/shared';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { buildGraph } from './network-graph';

/** Enough ForceAtlas2 rounds to untangle 500 people and 1,500 links, few enough to stay well inside a second. */
export const LAYOUT_ITERATIONS = 80;

/**
 * The network as a graphology graph placed by ForceAtlas2. Every start is seeded by id and ForceAtlas2 is
 * deterministic, so the same people and ties always come out in the same places.
 */
export function layOut(network: CoalitionNetwork): Graph {
  const graph = new Graph({ multi: true, allowSelfLoops: false, type: 'directed' });
  const { nodes, edges } = buildGraph(network);
  for (const node of nodes) graph.addNode(node.key, node.attributes);
  for (const edge of edges) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 250, strongGravityMode: true, gravity: 0.5 },
    });
  }
  return graph;
}
