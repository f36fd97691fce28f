// The interactive graph view: sigma.js (WebGL) over the graphology graph from ./layout. Labels show
// on hover (and for the largest nodes); clicking a paper node opens the paper. Without WebGL (jsdom
// in unit tests) it shows a note instead. For end-to-end tests the view registers a small handle on
// `window.__quireGraphViews[cellId]` (node positions in the container's pixels; sigma itself).
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { GraphDrawing } from '../../../../../../shared/notebook/cells/graph';
import { buildDrawableGraph } from './layout';

export type GraphViewHandle = {
  /** A node's position in CSS pixels relative to the container's top-left corner. */
  nodePosition(id: string): { x: number; y: number } | null;
  nodes(): { id: string; paper: boolean; community: number }[];
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
    void import('sigma')
      .then(({ default: Sigma }) => {
        if (killed) return;
        const graph = buildDrawableGraph(props.drawing, props.sizeBy);
        const dark = isDark();
        const sigma = new Sigma(graph, el, {
          renderEdgeLabels: false,
          labelRenderedSizeThreshold: 11,
          labelColor: { color: dark ? '#e6e8ec' : '#1c1f24' },
          // Solid, theme-aware edges: sigma's WebGL edges drew the translucent grey near-white on the
          // dark background, hiding the communities.
          edgeReducer: (_edge, data) => ({ ...data, color: dark ? '#394049' : '#d7dbe2' }),
          labelSize: 12,
          defaultDrawNodeHover: (ctx, data) => {
            const label = data.label ?? '';
            ctx.font = '12px system-ui, sans-serif';
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
            ctx.fillStyle = dark ? '#e6e8ec' : '#1c1f24';
            ctx.fillText(label, x + 1, data.y + 4);
          },
        });
        sigma.on('clickNode', ({ node }) => {
          if (graph.getNodeAttribute(node, 'paper')) openRef.current(node);
        });
        sigma.on('enterNode', () => (el.style.cursor = 'pointer'));
        sigma.on('leaveNode', () => (el.style.cursor = ''));
        const views = (window.__quireGraphViews ??= {});
        views[props.cellId] = {
          sigma,
          nodes: () => graph.mapNodes((id, a) => ({ id, paper: a.paper, community: a.community })),
          nodePosition: (id) => {
            if (!graph.hasNode(id)) return null;
            const a = graph.getNodeAttributes(id);
            return sigma.graphToViewport({ x: a.x, y: a.y });
          },
        };
        kill = () => {
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
