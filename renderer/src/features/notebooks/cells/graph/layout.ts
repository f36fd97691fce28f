// From a stored GraphDrawing to a graphology graph sigma can draw: community colours, node sizes
// (degree or PageRank), and a deterministic layout — communities start on sectors of a circle
// (seeded jitter), then ForceAtlas2 (Jacomy et al. 2014) runs a fixed number of iterations.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphDrawing } from '@shared/notebook/cells/graph';
import { mulberry32 } from '@shared/random';

/** Categorical colours readable on light and dark backgrounds (Tableau 10 and extras). */
export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#5b8ff9',
  '#2ca02c',
  '#d62728',
];
export const NO_COMMUNITY_COLOR = '#8a929e';

export function communityColor(c: number): string {
  return c < 0 ? NO_COMMUNITY_COLOR : COMMUNITY_COLORS[c % COMMUNITY_COLORS.length]!;
}

export type NodeAttrs = {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  community: number;
  paper: boolean;
};
export type EdgeAttrs = { size: number; color: string; weight: number };

const rng = mulberry32;

export function buildDrawableGraph(
  d: GraphDrawing,
  sizeBy: 'degree' | 'pagerank',
  opts: { iterations?: number; seed?: number } = {},
): Graph<NodeAttrs, EdgeAttrs> {
  const g = new Graph<NodeAttrs, EdgeAttrs>({
    type: d.directed ? 'directed' : 'undirected',
    multi: false,
    allowSelfLoops: true,
  });
  const next = rng(opts.seed ?? 1);
  const nComm = Math.max(1, ...d.nodes.map((n) => n.community + 1));
  const maxSize = Math.max(
    1e-12,
    ...d.nodes.map((n) => (sizeBy === 'degree' ? n.degree : n.pagerank)),
  );
  for (const n of d.nodes) {
    const sector = n.community < 0 ? next() : (n.community + 0.5) / nComm;
    const angle = 2 * Math.PI * sector + (next() - 0.5) * (2 / nComm);
    const r = 50 + 40 * next();
    const v = sizeBy === 'degree' ? n.degree : n.pagerank;
    g.addNode(n.id, {
      x: r * Math.cos(angle),
      y: r * Math.sin(angle),
      size: 2.5 + 11 * Math.sqrt(Math.max(0, v) / maxSize),
      color: communityColor(n.community),
      label: n.label,
      community: n.community,
      paper: n.paper === true,
    });
  }
  for (const [s, t, w] of d.edges) {
    const a = d.nodes[s]?.id;
    const b = d.nodes[t]?.id;
    if (a === undefined || b === undefined || g.hasEdge(a, b)) continue;
    g.addEdge(a, b, { size: 0.6, color: 'rgba(138, 146, 158, 0.35)', weight: w });
  }
  if (g.order > 1 && g.size > 0) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, {
      iterations: opts.iterations ?? (g.order > 2000 ? 60 : 150),
      settings: { ...settings, edgeWeightInfluence: 0 },
    });
  }
  return g;
}
