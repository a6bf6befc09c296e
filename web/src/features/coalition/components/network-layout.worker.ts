import { forceAtlasPositions, graphOf, type LayoutPositions, type LayoutRequest } from './network-layout';

// ForceAtlas2 off the page's thread: the first frame shows the seeded start at once, the settled layout follows.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(positions: LayoutPositions): void;
};
scope.onmessage = (event) => scope.postMessage(forceAtlasPositions(graphOf(event.data)));
