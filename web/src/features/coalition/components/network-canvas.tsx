import { Paper, Text } from '@mantine/core';
import { COMMITMENT_LADDER, type CoalitionNetwork, type NetworkNode } from '@soundings/shared';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { NETWORK_DATA_MARK } from '../api/coalition-queries';
import { buildGraph, isShown, type NetworkFilters } from './network-graph';
import { applyPositions, forceAtlasPositions, graphOf, type LayoutPositions } from './network-layout';

/** Marked once per page load when the canvas has drawn its first frame; measured from navigation start and from the data's arrival. */
export const NETWORK_FIRST_FRAME_MARK = 'network:first-frame';
export const NETWORK_LAID_OUT_MARK = 'network:laid-out';
export const NETWORK_RENDER_MEASURE = 'network:first-render';
export const NETWORK_RENDER_FROM_DATA_MEASURE = 'network:first-render-from-data';

const DIMMED = '#e9ecef';
const FEW_ENOUGH_TO_NAME = 40;

function markFirstFrame(): void {
  if (performance.getEntriesByName(NETWORK_FIRST_FRAME_MARK).length > 0) return;
  performance.mark(NETWORK_FIRST_FRAME_MARK);
  performance.measure(NETWORK_RENDER_MEASURE, { start: 0, end: NETWORK_FIRST_FRAME_MARK });
  if (performance.getEntriesByName(NETWORK_DATA_MARK).length > 0) {
    performance.measure(NETWORK_RENDER_FROM_DATA_MEASURE, NETWORK_DATA_MARK, NETWORK_FIRST_FRAME_MARK);
  }
}

interface Hovered {
  node: NetworkNode;
  x: number;
  y: number;
}

interface NetworkCanvasProps {
  /** Everyone: the layout is computed once for all, so filtering hides people without moving the rest. */
  network: CoalitionNetwork;
  filters: NetworkFilters;
  /** The person found by search: drawn larger, with their ties, and centred. */
  focusId: string | null;
  onOpen: (id: string) => void;
  /** Called once the first frame is on screen, so the page can render what is heavy but not urgent after it. */
  onFirstFrame?: () => void;
  height: number;
}

/** The influence network drawn by sigma (WebGL) on a ForceAtlas2 layout. The page around it carries the same facts in text. */
/**
 * A name beside its circle, on the right as usual, but on the left when it would run past the canvas's right
 * edge: on a phone the people at the edge of the picture otherwise read as "Bart" and "Maximi".
 */
const drawLabelInside: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  const gap = data.size + 3;
  const fitsRight = data.x + gap + width <= context.canvas.clientWidth - 4;
  context.fillStyle = '#212529';
  context.fillText(data.label, fitsRight ? data.x + gap : data.x - gap - width, data.y + size / 3);
};

export default function NetworkCanvas({ network, filters, focusId, onOpen, onFirstFrame, height }: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const view = useRef({ filters, focusId });
  /** Re-reads the filters and the focus into the picture without laying it out again. */
  const redraw = useRef<() => void>(() => {});
  /** Brings the person found by search to the middle, or the whole picture back. */
  const centre = useRef<() => void>(() => {});
  const onOpenRef = useRef(onOpen);
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const [settled, setSettled] = useState(false);
  onOpenRef.current = onOpen;
  const onFirstFrameRef = useRef(onFirstFrame);
  onFirstFrameRef.current = onFirstFrame;

  useEffect(() => {
    if (!container.current) return;
    const people = new Map(network.nodes.map((node) => [node.id, node]));
    const start = buildGraph(network);
    const graph = graphOf(start);
    const focusTies = () => {
      const focus = view.current.focusId;
      return focus && graph.hasNode(focus) ? new Set([focus, ...graph.neighbors(focus)]) : null;
    };
    let ties = focusTies();
    // With few people in view every name fits; with many, sigma shows the larger ones' names only.
    const countShown = () => network.nodes.filter((node) => isShown(node, view.current.filters)).length;
    let everyName = countShown() <= FEW_ENOUGH_TO_NAME;

    const renderer = new Sigma(graph, container.current, {
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelWeight: '600',
      labelColor: { color: '#212529' },
      labelRenderedSizeThreshold: 9,
      defaultDrawNodeLabel: drawLabelInside,
      // While the window is being resized or left, the container can be 0 px wide for a moment: wait for a width
      // instead of throwing.
      allowInvalidContainer: true,
      zIndex: true,
      nodeReducer: (key, data) => {
        const person = people.get(key);
        const shown: Partial<NodeDisplayData> = { ...data };
        if (!person || !isShown(person, view.current.filters)) return { ...shown, hidden: true };
        if (everyName) shown.forceLabel = true;
        if (ties) {
          if (key === view.current.focusId) return { ...shown, highlighted: true, forceLabel: true, size: (data.size ?? 4) + 4, zIndex: 2 };
          if (ties.has(key)) return { ...shown, forceLabel: true, zIndex: 1 };
          return { ...shown, color: DIMMED, label: null, zIndex: 0 };
        }
        return shown;
      },
      edgeReducer: (key, data) => {
        const [source, target] = graph.extremities(key);
        const shown: Partial<EdgeDisplayData> = { ...data };
        const filters = view.current.filters;
        const from = people.get(source);
        const to = people.get(target);
        if (!from || !to || !isShown(from, filters) || !isShown(to, filters)) return { ...shown, hidden: true };
        if (ties && source !== view.current.focusId && target !== view.current.focusId) return { ...shown, color: DIMMED };
        return shown;
      },
    });
    sigma.current = renderer;
    markFirstFrame();
    // After the browser has painted the picture, not in the same task.
    const afterPaint = requestAnimationFrame(() => setTimeout(() => onFirstFrameRef.current?.(), 0));

    let worker: Worker | null = null;
    const settle = (positions: LayoutPositions) => {
      applyPositions(graph, positions);
      renderer.refresh();
      performance.mark?.(NETWORK_LAID_OUT_MARK);
      setSettled(true);
      centre.current();
    };
    if (typeof Worker === 'undefined') {
      settle(forceAtlasPositions(graph));
    } else {
      worker = new Worker(new URL('./network-layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LayoutPositions>) => settle(event.data);
      worker.onerror = () => settle(forceAtlasPositions(graph));
      worker.postMessage(start);
    }

    redraw.current = () => {
      ties = focusTies();
      everyName = countShown() <= FEW_ENOUGH_TO_NAME;
      renderer.refresh();
    };

    renderer.on('enterNode', ({ node, event }) => {
      const person = people.get(node);
      if (person) setHovered({ node: person, x: event.x, y: event.y });
      if (container.current) container.current.style.cursor = 'pointer';
    });
    renderer.on('leaveNode', () => {
      setHovered(null);
      if (container.current) container.current.style.cursor = '';
    });
    renderer.on('clickNode', ({ node }) => onOpenRef.current(node));

    return () => {
      cancelAnimationFrame(afterPaint);
      worker?.terminate();
      renderer.kill();
      sigma.current = null;
      redraw.current = () => {};
      setHovered(null);
      setSettled(false);
    };
  }, [network]);

  useEffect(() => {
    view.current = { filters, focusId };
    const renderer = sigma.current;
    if (!renderer) return;
    centre.current = () => {
      if (focusId) {
        const place = renderer.getNodeDisplayData(focusId);
        if (place) void renderer.getCamera().animate({ x: place.x, y: place.y, ratio: 0.45 }, { duration: 400 });
      } else {
        void renderer.getCamera().animatedReset({ duration: 300 });
      }
    };
    redraw.current();
    centre.current();
  }, [filters, focusId]);

  return (
    <div style={{ position: 'relative', height }}>
      <div ref={container} data-testid="network-canvas" data-layout={settled ? 'settled' : 'starting'} style={{ position: 'absolute', inset: 0 }} />
      {hovered && (
        <Paper
          aria-hidden
          shadow="md"
          p="xs"
          withBorder
          style={{ position: 'absolute', left: Math.min(hovered.x + 12, 9999), top: hovered.y + 12, pointerEvents: 'none', maxWidth: 260, zIndex: 2 }}
        >
          <Text fw={600} size="sm">
            {hovered.node.name}
          </Text>
          {hovered.node.title && (
            <Text size="xs" c="dimmed">
              {hovered.node.title}
            </Text>
          )}
          <Text size="xs">{COMMITMENT_LADDER[hovered.node.commitment].label}</Text>
        </Paper>
      )}
    </div>
  );
}
