import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphEdge, GraphNode } from './network-graph';

/** Enough ForceAtlas2 rounds to untangle 500 people and 1,500 links. */
export const LAYOUT_ITERATIONS = 100;

export interface LayoutRequest {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

/** The network as a graphology graph, everyone at their seeded starting place. */
export function graphOf({ nodes, edges }: LayoutRequest): Graph {
  const graph = new Graph({ multi: true, allowSelfLoops: false, type: 'directed' });
  for (const node of nodes) graph.addNode(node.key, node.attributes);
  for (const edge of edges) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  return graph;
}

/**
 * Where ForceAtlas2 places everyone after a fixed number of rounds from the seeded start: the same people and
 * ties always come out in the same places, so screenshots are stable.
 */
export function forceAtlasPositions(graph: Graph): LayoutPositions {
  if (graph.order < 2) return {};
  return forceAtlas2(graph, {
    iterations: LAYOUT_ITERATIONS,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 250, strongGravityMode: true, gravity: 0.5 },
  }) as LayoutPositions;
}

export function applyPositions(graph: Graph, positions: LayoutPositions): void {
  graph.updateEachNodeAttributes((key, attributes) => (positions[key] ? { ...attributes, ...positions[key] } : attributes));
}
