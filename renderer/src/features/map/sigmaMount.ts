// Builds the sigma.js scatter for a topic map inside a container: one node per paper, cluster labels
// placed after each render, hover and click events, resize following, and the `window.__quireMap`
// handle for end-to-end tests. Returns the function that tears it all down.
import Graph from 'graphology';
import type Sigma from 'sigma';
import type { NodePointProgram } from 'sigma/rendering';
import type { TopicMap } from '@shared/api/map-contract';
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

export type NodeData = { x: number; y: number; size: number; color: string; label: string };

export type SigmaLike = {
  graphToViewport(p: { x: number; y: number }): { x: number; y: number };
  resize(): void;
  refresh(): void;
  setSetting(key: 'nodeReducer', fn: ((node: string, d: NodeData) => NodeData) | null): void;
  on(event: string, fn: (e: { node: string }) => void): void;
  kill(): void;
};

type FullSigma = SigmaLike &
  Omit<GestureSigma, 'getCamera'> & {
    getCamera(): ReturnType<GestureSigma['getCamera']> & { ratio: number };
  };

export type ClusterLabel = { id: string; label: string; x: number; y: number };

export type MountOptions = {
  map: TopicMap;
  dark: boolean;
  colours: number[];
  /** The search hits of the moment (read when the handle is asked). */
  highlighted(): ReadonlySet<string> | null;
  onHover(h: { title: string; x: number; y: number } | null): void;
  onLabels(labels: ClusterLabel[]): void;
  onMoving(moving: boolean): void;
  onClick(id: string): void;
};

/** Hits larger with an outline colour, the rest faded towards the background. */
export function highlightReducer(hits: ReadonlySet<string>, dark: boolean) {
  const faded = dark ? '#3a3f47' : '#dde1e7';
  return (node: string, d: NodeData): NodeData =>
    hits.has(node)
      ? { ...d, size: d.size * 2, color: d.color }
      : { ...d, size: d.size * 0.7, color: faded };
}

/** sigma and its point program, loaded lazily by the caller (WebGL code stays out of the bundle). */
type SigmaModules = [{ default: typeof Sigma }, { NodePointProgram: typeof NodePointProgram }];

function buildGraph(o: MountOptions, index: Map<string, number>): Graph {
  const { map } = o;
  const graph = new Graph({ type: 'undirected' });
  const n = map.points.ids.length;
  // Smaller dots as the library grows, so 100k papers stay legible.
  const size = n > 20_000 ? 1.2 : n > 2_000 ? 2 : 4;
  map.points.ids.forEach((id, i) => {
    index.set(id, i);
    graph.addNode(id, {
      x: map.points.x[i]!,
      y: map.points.y[i]!,
      size,
      color: clusterColor(o.colours[i] ?? -1, o.dark),
      label: map.points.titles[i]!,
    });
  });
  return graph;
}

/** Creates the sigma instance on `el`; answers it and the teardown. */
export function mountSigma(
  [{ default: Sigma }, { NodePointProgram }]: SigmaModules,
  el: HTMLElement,
  o: MountOptions,
): { sigma: SigmaLike; kill(): void } {
  const { map } = o;
  const index = new Map<string, number>();
  const graph = buildGraph(o, index);
  const sigma = new Sigma(graph, el as HTMLDivElement, {
    renderLabels: false,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    zIndex: false,
    defaultDrawNodeHover: () => {},
    // Large maps: one GL point per paper instead of a triangle each (bench/map/pan.ts: the
    // redraw after a gesture, visible layer plus picking layer, is what a user waits for).
    ...(map.points.ids.length > POINT_PROGRAM_FROM
      ? { nodeProgramClasses: { circle: NodePointProgram } }
      : {}),
  }) as unknown as FullSigma;
  const gestures = deferRedrawDuringGestures(sigma, el, (m) => {
    if (m) o.onHover(null);
    o.onMoving(m);
  });
  const hits = o.highlighted();
  if (hits) sigma.setSetting('nodeReducer', highlightReducer(hits, o.dark));
  let shown: string[] = [];
  const place = () => {
    shown = labelledClusters(map.clusters, sigma.getCamera().ratio);
    const keep = new Set(shown);
    o.onLabels(
      map.clusters
        .filter((c) => keep.has(c.id))
        .map((c) => ({ id: c.id, label: c.label, ...sigma.graphToViewport({ x: c.x, y: c.y }) })),
    );
  };
  const position = (i: number) =>
    sigma.graphToViewport({ x: map.points.x[i]!, y: map.points.y[i]! });
  sigma.on('afterRender', place as never);
  sigma.on('enterNode', ({ node }) => {
    const i = index.get(node)!;
    o.onHover({ title: map.points.titles[i]!, ...position(i) });
    el.style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    o.onHover(null);
    el.style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => o.onClick(node));
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
    highlighted: () => [...(o.highlighted() ?? [])],
    labelled: () => shown.slice(),
    moving: () => gestures.moving(),
    pointPosition: (id) => {
      const i = index.get(id);
      return i === undefined ? null : position(i);
    },
  };
  const kill = () => {
    resize.disconnect();
    gestures.dispose();
    sigma.kill();
    delete window.__quireMap;
  };
  return { sigma, kill };
}
