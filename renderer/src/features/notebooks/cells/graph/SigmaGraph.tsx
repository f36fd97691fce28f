// The interactive graph view: sigma.js (WebGL) over the graphology graph from ./layout. Labels show
// for the largest nodes where they do not overlap (./label-placement, redone when the camera moves)
// and on hover for the rest; clicking a paper node opens the paper. Without WebGL (jsdom
// in unit tests) it shows a note instead. For end-to-end tests the view registers a small handle on
// `window.__quireGraphViews[cellId]` (node positions in the container's pixels; sigma itself).
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { GraphDrawing } from '../../../../../../shared/notebook/cells/graph';
import { labelBox, placeLabels, shortLabel, type LabelCandidate } from './label-placement';
import { buildDrawableGraph } from './layout';

/** Labels drawn beside nodes at once (the rest on hover). */
const MAX_LABELS = 14;
const LABEL_SIZE = 12;
const LABEL_FONT = 'system-ui, sans-serif';

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

export function hasWebGl(): boolean {
  return typeof window !== 'undefined' && typeof window.WebGLRenderingContext !== 'undefined';
}

function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

export function SigmaGraph(props: {
  cellId: string;
  drawing: GraphDrawing;
  sizeBy: 'degree' | 'pagerank';
  onOpenPaper(id: string): void;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const openRef = useRef(props.onOpenPaper);
  useEffect(() => {
    openRef.current = props.onOpenPaper;
  });
  const [error, setError] = useState<string | null>(null);
  const webgl = hasWebGl();

  useEffect(() => {
    const el = ref.current;
    if (!el || !webgl) return;
    let killed = false;
    let kill = () => {};
    void Promise.all([import('sigma'), import('sigma/utils')])
      .then(([{ default: Sigma }, { matrixFromCamera }]) => {
        if (killed) return;
        const graph = buildDrawableGraph(props.drawing, props.sizeBy);
        // Read by the reducers and drawers at each draw; a theme change redraws (no new layout).
        let dark = isDark();
        const textColor = () => (dark ? '#e6e8ec' : '#1c1f24');
        // The labelled nodes: only these get `forceLabel`; sigma's own size threshold hides the rest.
        let labelled = new Set<string>();
        const sigma = new Sigma(graph, el, {
          renderEdgeLabels: false,
          labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
          labelFont: LABEL_FONT,
          labelColor: { color: textColor() },
          // Beside the node a shortened title; the hover box shows the whole one.
          nodeReducer: (node, data) => ({
            ...data,
            label: shortLabel(data.label),
            fullLabel: data.label,
            forceLabel: labelled.has(node),
          }),
          // Solid, theme-aware edges: sigma's WebGL edges drew the translucent grey near-white on the
          // dark background, hiding the communities.
          edgeReducer: (_edge, data) => ({ ...data, color: dark ? '#394049' : '#d7dbe2' }),
          labelSize: LABEL_SIZE,
          // The label on a translucent plate (exactly the box label-placement keeps free), so it
          // reads over nodes and edges.
          defaultDrawNodeLabel: (ctx, data, settings) => {
            if (!data.label) return;
            const size = settings.labelSize;
            ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
            const box = labelBox(
              {
                id: '',
                x: data.x,
                y: data.y,
                size: data.size,
                width: ctx.measureText(data.label).width,
              },
              size,
            );
            ctx.fillStyle = dark ? 'rgba(24, 26, 31, 0.82)' : 'rgba(255, 255, 255, 0.82)';
            ctx.fillRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
            ctx.fillStyle = textColor();
            ctx.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
          },
          defaultDrawNodeHover: (ctx, data) => {
            const label = (data as { fullLabel?: string }).fullLabel ?? data.label ?? '';
            ctx.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
            const w = ctx.measureText(label).width;
            const x = data.x + data.size + 4;
            ctx.fillStyle = dark ? '#1f2126' : '#ffffff';
            ctx.strokeStyle = dark ? '#3a3e47' : '#cfd4dc';
            ctx.beginPath();
            ctx.rect(x - 3, data.y - 10, w + 8, 20);
            ctx.fill();
            ctx.stroke();
            ctx.beginPath();
            ctx.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
            ctx.fillStyle = data.color;
            ctx.fill();
            ctx.fillStyle = textColor();
            ctx.fillText(label, x + 1, data.y + 4);
          },
        });
        const measure = document.createElement('canvas').getContext('2d');
        const widths = new Map<string, number>();
        const widthOf = (text: string): number => {
          let w = widths.get(text);
          if (w === undefined) {
            if (measure) measure.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
            w = measure ? measure.measureText(text).width : text.length * LABEL_SIZE * 0.6;
            widths.set(text, w);
          }
          return w;
        };
        // Re-chooses the labels for the current camera and size; only nodes whose choice changed
        // are reduced again.
        const relabel = () => {
          const dims = sigma.getDimensions();
          const { width, height } = dims;
          // The camera's matrix now: sigma's own is refreshed only when it next renders.
          const matrix = matrixFromCamera(
            sigma.getCamera().getState(),
            dims,
            sigma.getGraphDimensions(),
            sigma.getStagePadding(),
          );
          const cands: LabelCandidate[] = [];
          graph.forEachNode((id) => {
            const d = sigma.getNodeDisplayData(id);
            if (!d || d.hidden || !d.label) return;
            const p = sigma.framedGraphToViewport(d, { matrix });
            cands.push({
              id,
              x: p.x,
              y: p.y,
              size: sigma.scaleSize(d.size),
              width: widthOf(d.label),
            });
          });
          const next = new Set(
            placeLabels(cands, { max: MAX_LABELS, width, height, fontSize: LABEL_SIZE }),
          );
          const changed = [...labelled, ...next].filter((id) => labelled.has(id) !== next.has(id));
          labelled = next;
          if (changed.length > 0)
            sigma.refresh({
              partialGraph: { nodes: changed },
              skipIndexation: true,
              schedule: true,
            });
        };
        relabel();
        sigma.getCamera().on('updated', relabel);
        sigma.on('resize', relabel);
        sigma.on('clickNode', ({ node }) => {
          if (graph.getNodeAttribute(node, 'paper')) openRef.current(node);
        });
        sigma.on('enterNode', () => (el.style.cursor = 'pointer'));
        sigma.on('leaveNode', () => (el.style.cursor = ''));
        const views = (window.__quireGraphViews ??= {});
        views[props.cellId] = {
          sigma,
          labelled: () => [...labelled],
          nodes: () => graph.mapNodes((id, a) => ({ id, paper: a.paper, community: a.community })),
          nodePosition: (id) => {
            if (!graph.hasNode(id)) return null;
            const a = graph.getNodeAttributes(id);
            return sigma.graphToViewport({ x: a.x, y: a.y });
          },
        };
        const themeWatch = new MutationObserver(() => {
          if (isDark() === dark) return;
          dark = isDark();
          sigma.setSetting('labelColor', { color: textColor() });
          sigma.refresh();
        });
        themeWatch.observe(document.documentElement, {
          attributes: true,
          attributeFilter: ['data-theme'],
        });
        kill = () => {
          themeWatch.disconnect();
          sigma.kill();
          if (views[props.cellId]?.sigma === sigma) delete views[props.cellId];
        };
      })
      .catch((err: unknown) => setError((err as Error).message));
    return () => {
      killed = true;
      kill();
    };
  }, [props.drawing, props.sizeBy, props.cellId, webgl]);

  return (
    <div className="graph-view" data-testid="graph-view" ref={ref}>
      {!webgl && <p className="graph-note">The interactive view needs WebGL.</p>}
      {error && <p className="graph-note graph-error">{error}</p>}
    </div>
  );
}
