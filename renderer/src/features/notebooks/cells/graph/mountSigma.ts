// Mounts sigma.js (WebGL) on a graph cell's container: the drawable graph (./layout), the drawing
// settings (./sigmaSettings), labels re-chosen when the camera moves (./sigmaLabels), a click on a
// paper node opening it, a redraw when the theme changes, and the end-to-end tests' handle on
// `window.__quireGraphViews[cellId]` (node positions in the container's pixels; sigma itself).
// sigma is imported on first use; resolves with the function that unmounts it.
import type { GraphDrawing } from '@shared/notebook/cells/graph';
import { buildDrawableGraph } from './layout';
import { createRelabel } from './sigmaLabels';
import { sigmaSettings, textColor, type DrawState } from './sigmaSettings';

export type GraphViewHandle = {
  /** A node's position in CSS pixels relative to the container's top-left corner. */
  nodePosition(id: string): { x: number; y: number } | null;
  nodes(): { id: string; paper: boolean; community: number }[];
  /** The nodes whose label is drawn beside them (the rest show on hover). */
  labelled(): string[];
  sigma: unknown;
};

declare global {
  interface Window {
    __quireGraphViews?: Record<string, GraphViewHandle>;
  }
}

const isDark = (): boolean => document.documentElement.dataset.theme === 'dark';

export async function mountSigma(
  el: HTMLDivElement,
  view: { cellId: string; drawing: GraphDrawing; sizeBy: 'degree' | 'pagerank' },
  openPaper: (id: string) => void,
  /** True once the view unmounted while sigma loaded: nothing is mounted then. */
  cancelled: () => boolean,
): Promise<(() => void) | null> {
  const [{ default: Sigma }, { matrixFromCamera }] = await Promise.all([
    import('sigma'),
    import('sigma/utils'),
  ]);
  if (cancelled()) return null;
  const graph = buildDrawableGraph(view.drawing, view.sizeBy);
  const state: DrawState = { dark: isDark(), labelled: new Set() };
  const sigma = new Sigma(graph, el, sigmaSettings(state));
  const relabel = createRelabel(sigma, graph, matrixFromCamera, state);
  relabel();
  sigma.getCamera().on('updated', relabel);
  sigma.on('resize', relabel);
  sigma.on('clickNode', ({ node }) => {
    if (graph.getNodeAttribute(node, 'paper')) openPaper(node);
  });
  sigma.on('enterNode', () => (el.style.cursor = 'pointer'));
  sigma.on('leaveNode', () => (el.style.cursor = ''));
  const views = (window.__quireGraphViews ??= {});
  views[view.cellId] = {
    sigma,
    labelled: () => [...state.labelled],
    nodes: () => graph.mapNodes((id, a) => ({ id, paper: a.paper, community: a.community })),
    nodePosition: (id) => {
      if (!graph.hasNode(id)) return null;
      const a = graph.getNodeAttributes(id);
      return sigma.graphToViewport({ x: a.x, y: a.y });
    },
  };
  const themeWatch = new MutationObserver(() => {
    if (isDark() === state.dark) return;
    state.dark = isDark();
    sigma.setSetting('labelColor', { color: textColor(state) });
    sigma.refresh();
  });
  themeWatch.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  return () => {
    themeWatch.disconnect();
    sigma.kill();
    if (views[view.cellId]?.sigma === sigma) delete views[view.cellId];
  };
}
