// The map's scatter: sigma.js (WebGL) with nodes only — one node per paper, coloured by cluster —
// plus HTML overlays sigma does not draw: the hovered title, cluster labels at their centres, and a
// lasso drawn with the pointer. Search hits are drawn larger and the rest dimmed (a node reducer, so
// the graph is not rebuilt per query); zoomed out, only the largest clusters are labelled. For
// end-to-end tests it registers `window.__quireMap` (a paper's position in the container's CSS
// pixels, and which papers are highlighted).
import Graph from 'graphology';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { TopicMap } from '../../../../shared/api/map-contract';
import { TexText } from '../../components/TexText';
import { deferRedrawDuringGestures, type GestureSigma } from './gestures';
import { labelledClusters } from './mapLabels';
import { clusterColor } from './palette';

export type MapHandle = {
  pointPosition(id: string): { x: number; y: number } | null;
  ids(): string[];
  /** Papers drawn as search hits (empty: no search). */
  highlighted(): string[];
  /** Clusters whose label is drawn at the current zoom. */
  labelled(): string[];
  /** True while a pan/zoom gesture shows a moved snapshot (hover and click wait for its redraw). */
  moving(): boolean;
};

declare global {
  interface Window {
    __quireMap?: MapHandle;
  }
}

/** Papers above which nodes are drawn as GL points (cheaper than sigma's circle triangles). */
const POINT_PROGRAM_FROM = 10_000;

type NodeData = { x: number; y: number; size: number; color: string; label: string };

type SigmaLike = {
  graphToViewport(p: { x: number; y: number }): { x: number; y: number };
  resize(): void;
  refresh(): void;
  setSetting(key: 'nodeReducer', fn: ((node: string, d: NodeData) => NodeData) | null): void;
  on(event: string, fn: (e: { node: string }) => void): void;
  kill(): void;
};

type Props = {
  map: TopicMap;
  dark: boolean;
  lasso: boolean;
  /** Palette index per paper (its cluster, or its tag when coloured by tag); −1 is grey. */
  colours: number[];
  /** Search hits to highlight; null: no search (every paper drawn normally). */
  highlight: ReadonlySet<string> | null;
  onOpen(id: string): void;
  onLasso(ids: string[]): void;
};

function inside(poly: { x: number; y: number }[], p: { x: number; y: number }): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      hit = !hit;
  }
  return hit;
}

/** Hits larger with an outline colour, the rest faded towards the background. */
function highlightReducer(hits: ReadonlySet<string>, dark: boolean) {
  const faded = dark ? '#3a3f47' : '#dde1e7';
  return (node: string, d: NodeData): NodeData =>
    hits.has(node)
      ? { ...d, size: d.size * 2, color: d.color }
      : { ...d, size: d.size * 0.7, color: faded };
}

export function MapScatter({ map, dark, lasso, colours, highlight, onOpen, onLasso }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const highlightRef = useRef(highlight);
  const sigmaRef = useRef<SigmaLike | null>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  });
  const [hover, setHover] = useState<{ title: string; x: number; y: number } | null>(null);
  const [labels, setLabels] = useState<{ id: string; label: string; x: number; y: number }[]>([]);
  const [path, setPath] = useState<{ x: number; y: number }[]>([]);
  const [error, setError] = useState<string | null>(null);
  // A gesture in progress: the HTML overlays (labels, tooltip) would not follow the moved snapshot.
  const [moving, setMoving] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof window.WebGLRenderingContext === 'undefined') return;
    let killed = false;
    let kill = () => {};
    void Promise.all([import('sigma'), import('sigma/rendering')])
      .then(([{ default: Sigma }, { NodePointProgram }]) => {
        if (killed) return;
        const graph = new Graph({ type: 'undirected' });
        const n = map.points.ids.length;
        // Smaller dots as the library grows, so 100k papers stay legible.
        const size = n > 20_000 ? 1.2 : n > 2_000 ? 2 : 4;
        const index = new Map<string, number>();
        map.points.ids.forEach((id, i) => {
          index.set(id, i);
          graph.addNode(id, {
            x: map.points.x[i]!,
            y: map.points.y[i]!,
            size,
            color: clusterColor(colours[i] ?? -1, dark),
            label: map.points.titles[i]!,
          });
        });
        const sigma = new Sigma(graph, el, {
          renderLabels: false,
          renderEdgeLabels: false,
          enableEdgeEvents: false,
          zIndex: false,
          defaultDrawNodeHover: () => {},
          // Large maps: one GL point per paper instead of a triangle each (bench/map/pan.ts: the
          // redraw after a gesture, visible layer plus picking layer, is what a user waits for).
          ...(n > POINT_PROGRAM_FROM ? { nodeProgramClasses: { circle: NodePointProgram } } : {}),
        }) as unknown as SigmaLike &
          Omit<GestureSigma, 'getCamera'> & {
            getCamera(): ReturnType<GestureSigma['getCamera']> & { ratio: number };
          };
        sigmaRef.current = sigma;
        const gestures = deferRedrawDuringGestures(sigma, el, (m) => {
          if (m) setHover(null);
          setMoving(m);
        });
        if (highlightRef.current)
          sigma.setSetting('nodeReducer', highlightReducer(highlightRef.current, dark));
        let shown: string[] = [];
        const place = () => {
          shown = labelledClusters(map.clusters, sigma.getCamera().ratio);
          const keep = new Set(shown);
          setLabels(
            map.clusters
              .filter((c) => keep.has(c.id))
              .map((c) => ({
                id: c.id,
                label: c.label,
                ...sigma.graphToViewport({ x: c.x, y: c.y }),
              })),
          );
        };
        sigma.on('afterRender', place as never);
        sigma.on('enterNode', ({ node }) => {
          const i = index.get(node)!;
          const p = sigma.graphToViewport({ x: map.points.x[i]!, y: map.points.y[i]! });
          setHover({ title: map.points.titles[i]!, x: p.x, y: p.y });
          el.style.cursor = 'pointer';
        });
        sigma.on('leaveNode', () => {
          setHover(null);
          el.style.cursor = '';
        });
        sigma.on('clickNode', ({ node }) => openRef.current(node));
        place();
        // The paper pane and the window change the container's size: sigma must follow, or its
        // canvas keeps the old size and covers the legend.
        const resize = new ResizeObserver(() => {
          sigma.resize();
          sigma.refresh();
        });
        resize.observe(el);
        window.__quireMap = {
          ids: () => map.points.ids.slice(),
          highlighted: () => [...(highlightRef.current ?? [])],
          labelled: () => shown.slice(),
          moving: () => gestures.moving(),
          pointPosition: (id) => {
            const i = index.get(id);
            if (i === undefined) return null;
            return sigma.graphToViewport({ x: map.points.x[i]!, y: map.points.y[i]! });
          },
        };
        kill = () => {
          resize.disconnect();
          gestures.dispose();
          sigma.kill();
          sigmaRef.current = null;
          delete window.__quireMap;
        };
      })
      .catch((err: unknown) => setError((err as Error).message));
    return () => {
      killed = true;
      kill();
    };
  }, [map, dark, colours]);

  // A new search: restyle the nodes in place.
  useEffect(() => {
    highlightRef.current = highlight;
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.setSetting('nodeReducer', highlight ? highlightReducer(highlight, dark) : null);
    sigma.refresh();
  }, [highlight, dark]);

  const local = (e: ReactPointerEvent) => {
    const r = ref.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const finishLasso = () => {
    const sigma = sigmaRef.current;
    if (sigma && path.length > 2) {
      const picked = map.points.ids.filter((_, i) =>
        inside(path, sigma.graphToViewport({ x: map.points.x[i]!, y: map.points.y[i]! })),
      );
      onLasso(picked);
    }
    setPath([]);
  };

  return (
    <div className="map-scatter" data-testid="map-scatter">
      <div className="map-canvas" ref={ref} />
      {error && <p className="map-note">{error}</p>}
      <div className="map-labels" aria-hidden="true" hidden={moving}>
        {labels.map((l) => (
          <span key={l.id} className="map-cluster-label" style={{ left: l.x, top: l.y }}>
            {l.label}
          </span>
        ))}
      </div>
      {hover && !moving && (
        <div
          className="map-tooltip"
          data-testid="map-tooltip"
          style={{ left: hover.x + 10, top: hover.y + 10 }}
        >
          <TexText text={hover.title} />
        </div>
      )}
      {lasso && (
        <svg
          className="map-lasso"
          data-testid="map-lasso"
          onPointerDown={(e) => {
            (e.target as Element).setPointerCapture(e.pointerId);
            setPath([local(e)]);
          }}
          onPointerMove={(e) => {
            if (path.length) setPath((p) => [...p, local(e)]);
          }}
          onPointerUp={finishLasso}
        >
          {path.length > 1 && <polygon points={path.map((p) => `${p.x},${p.y}`).join(' ')} />}
        </svg>
      )}
    </div>
  );
}
