// Graph cell: a network built from the library (kNN similarity of paper embeddings), a seeded
// generator (G(n,p), Barabási–Albert, Watts–Strogatz, SBM, Zachary's karate club) or an edge list in
// a table cell, with its metrics (shared/graph, networkx definitions) and a drawing.
//
// How it runs: the cell has no `run` here (the registry marks it not-computable). The library graph
// needs every paper vector, which only the host's embedding service has, so the view
// (renderer/src/features/notebooks/cells/graph/GraphCellView.tsx) computes it through the API
// (`graph:library`, or `graph:metrics` for generators and edge lists) and stores the result as the
// cell's outputs with the editor's onChange; they are saved with the notebook like any output.
// Outputs, in order (see `graphOutputs`):
//   1. `table` — the metrics summary: columns ['metric', 'value'], one row per metric;
//   2. `json`  — a `GraphDrawing` (nodes with community / degree / PageRank, edges as index
//      triples), so the view draws the graph again after a reload without recomputing.
// Exports show the summary table only (the drawing json would be noise in a report).
import { z } from 'zod';
import type { GraphSource } from '../../api/graph-contract';
import type { GraphMetrics } from '../../graph/metrics';
import { METRIC_GROUPS } from '../../graph/metric-groups';
import { toLines } from '../file-format';
import { escapeHtml } from '../export/markup';
import { graphPython } from '../export/graph-python';
import { pyComment } from '../export/python';
import { outputsToHtml, outputsToIpynb, outputsToMarkdown } from '../export/outputs';
import { metricsReportOutputs } from '../export/report-outputs';
import { findCell, type Cell, type CellOutput } from '../model';
import type { CellType } from '../registry';
import type { TableData } from '../tables';

export const GRAPH_GENERATORS = [
  'gnp',
  'barabasi-albert',
  'watts-strogatz',
  'sbm',
  'karate',
] as const;
export type GraphGenerator = (typeof GRAPH_GENERATORS)[number];

const Prob = z.number().min(0).max(1);

export const GraphCellSourceSchema = z.discriminatedUnion('kind', [
  /** Every embedded library paper linked to its k most similar papers (cosine ≥ threshold). */
  z.object({
    kind: z.literal('library-knn'),
    k: z.number().int().min(1).max(100).default(10),
    threshold: z.number().min(-1).max(1).default(0.3),
    mode: z.enum(['union', 'mutual']).default('union'),
    /** A seeded sample of this many papers (the cheaper setting on a large library); absent = all. */
    sample: z.number().int().min(2).optional(),
  }),
  /** A seeded random graph; only the parameters of `model` are used. */
  z.object({
    kind: z.literal('generator'),
    model: z.enum(GRAPH_GENERATORS),
    n: z.number().int().min(1).max(100_000).default(100),
    /** G(n,p) edge probability; Watts–Strogatz rewiring probability. */
    p: Prob.default(0.05),
    /** Barabási–Albert edges per new node. */
    m: z.number().int().min(1).max(1000).default(2),
    /** Watts–Strogatz ring neighbours. */
    k: z.number().int().min(0).max(1000).default(4),
    /** SBM: equal blocks, probability pIn inside a block and pOut between blocks. */
    blocks: z.number().int().min(1).max(100).default(3),
    pIn: Prob.default(0.3),
    pOut: Prob.default(0.02),
  }),
  /** An edge list: two columns of a table cell (or of a cell's table output), optional weight. */
  z.object({
    kind: z.literal('edges'),
    /** Id or name of the cell holding the table. */
    cell: z.string().max(100),
    sourceColumn: z.string().max(200).optional(),
    targetColumn: z.string().max(200).optional(),
    weightColumn: z.string().max(200).optional(),
  }),
]);
export type GraphCellSource = z.output<typeof GraphCellSourceSchema>;

export const GraphCellDataSchema = z.object({
  source: GraphCellSourceSchema,
  /** Metric groups to compute (default: DEFAULT_GRAPH_METRICS). */
  metrics: z.array(z.enum(METRIC_GROUPS)).min(1).optional(),
  /** What node size shows in the drawing. */
  sizeBy: z.enum(['degree', 'pagerank']).default('degree'),
  /** What node colour shows: Louvain communities, or the topic map's clusters (library graph only). */
  colourBy: z.enum(['community', 'map-cluster']).default('community'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0),
});
export type GraphCellData = z.output<typeof GraphCellDataSchema>;

/** Everything the view shows; the quadratic ones (betweenness, closeness) are opt-in. */
export const DEFAULT_GRAPH_METRICS = [
  'counts',
  'degree',
  'clustering',
  'components',
  'distances',
  'assortativity',
  'pagerank',
  'louvain',
] as const satisfies readonly (typeof METRIC_GROUPS)[number][];

export type GraphDrawingNode = {
  id: string;
  label: string;
  /** The colour group: Louvain community (0 = largest), or the map cluster when `groups` says so; −1 none. */
  community: number;
  degree: number;
  pagerank: number;
  /** The node is a library paper (clicking opens it). */
  paper?: boolean;
};
export type GraphDrawing = {
  kind: 'quire-graph';
  version: 1;
  directed: boolean;
  nodes: GraphDrawingNode[];
  /** [source index, target index, weight] into `nodes`. */
  edges: [number, number, number][];
  /** Set when `community` holds the topic map's cluster index: the clusters' labels by index. */
  groups?: { by: 'map-cluster'; labels: string[] };
  /** Key terms of each Louvain community, by index, from its papers' texts (graph-communities.ts). */
  communityTerms?: string[];
};

/** The contract source of a generator (SBM: `blocks` equal blocks, pIn / pOut). */
export function generatorGraphSource(
  src: Extract<GraphCellSource, { kind: 'generator' }>,
  seed: number,
): GraphSource {
  switch (src.model) {
    case 'gnp':
      return { kind: 'gnp', n: src.n, p: src.p, seed };
    case 'barabasi-albert':
      return {
        kind: 'barabasi-albert',
        n: src.n,
        m: Math.min(src.m, Math.max(1, src.n - 1)),
        seed,
      };
    case 'watts-strogatz':
      return { kind: 'watts-strogatz', n: src.n, k: src.k, p: src.p, seed };
    case 'sbm': {
      const b = Math.max(1, Math.min(src.blocks, src.n));
      const sizes = Array.from(
        { length: b },
        (_, i) => Math.floor(src.n / b) + (i < src.n % b ? 1 : 0),
      );
      const p = sizes.map((_, i) => sizes.map((__, j) => (i === j ? src.pIn : src.pOut)));
      return { kind: 'sbm', sizes, p, seed };
    }
    case 'karate':
      return { kind: 'karate' };
  }
}

/** The edge columns a table offers: named ones, else the first two (and a third numeric one). */
export function edgeColumns(
  t: TableData,
  src: Extract<GraphCellSource, { kind: 'edges' }>,
): { source: string; target: string; weight?: string } | null {
  const source = src.sourceColumn ?? t.columns[0];
  const target = src.targetColumn ?? t.columns.find((c) => c !== source);
  if (!source || !target || !t.columns.includes(source) || !t.columns.includes(target)) return null;
  const weight =
    src.weightColumn && t.columns.includes(src.weightColumn) ? src.weightColumn : undefined;
  return { source, target, ...(weight ? { weight } : {}) };
}

/** Edges of a table (rows with a blank end are skipped; weights must be finite and ≥ 0). */
export function edgesFromTable(
  t: TableData,
  src: Extract<GraphCellSource, { kind: 'edges' }>,
): { source: string; target: string; weight?: number }[] {
  const cols = edgeColumns(t, src);
  if (!cols) throw new Error(`graph: the table needs a source and a target column`);
  const out: { source: string; target: string; weight?: number }[] = [];
  for (const r of t.rows) {
    const s = r[cols.source];
    const d = r[cols.target];
    if (s === null || s === undefined || s === '' || d === null || d === undefined || d === '')
      continue;
    const e: { source: string; target: string; weight?: number } = {
      source: String(s),
      target: String(d),
    };
    if (cols.weight) {
      const w = Number(r[cols.weight]);
      if (Number.isFinite(w) && w >= 0) e.weight = w;
    }
    out.push(e);
  }
  return out;
}

/** A drawing from nodes and edges plus the metrics computed on the same graph. */
export function graphDrawing(
  nodes: readonly { id: string; label?: string; paper?: boolean }[],
  edges: readonly { source: string; target: string; weight?: number }[],
  metrics: Pick<GraphMetrics, 'directed' | 'degree' | 'pagerank' | 'louvain'>,
): GraphDrawing {
  const community = new Map<string, number>();
  metrics.louvain?.communities.forEach((members, i) => {
    for (const id of members) community.set(id, i);
  });
  const index = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const outNodes = nodes.map((n, i): GraphDrawingNode => {
    index.set(n.id, i);
    return {
      id: n.id,
      label: n.label ?? n.id,
      community: community.get(n.id) ?? -1,
      degree: metrics.degree?.[n.id] ?? degree.get(n.id) ?? 0,
      pagerank: metrics.pagerank?.[n.id] ?? 0,
      ...(n.paper ? { paper: true } : {}),
    };
  });
  const outEdges: [number, number, number][] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) outEdges.push([s, t, e.weight ?? 1]);
  }
  return {
    kind: 'quire-graph',
    version: 1,
    directed: metrics.directed,
    nodes: outNodes,
    edges: outEdges,
  };
}

const fmt = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

/** The metrics summary rows: [metric, value] (null = not computed or undefined for this graph). */
export function metricsSummary(m: GraphMetrics): [string, number | string | null][] {
  return [
    ['nodes', m.nNodes],
    ['edges', m.nEdges],
    ['density', fmt(m.density)],
    ['average degree', fmt(m.averageDegree)],
    ['average clustering', fmt(m.averageClustering)],
    ['transitivity', fmt(m.transitivity)],
    ['components', fmt(m.nConnectedComponents)],
    ['largest component', fmt(m.lccNNodes)],
    ['diameter (largest component)', fmt(m.diameterLcc)],
    ['average shortest path (largest component)', fmt(m.averageShortestPathLengthLcc)],
    ['degree assortativity', fmt(m.degreeAssortativity)],
    ['modularity', fmt(m.louvain?.modularity)],
    ['communities', fmt(m.louvain?.nCommunities)],
  ];
}

/** The outputs a graph cell stores (see the header). */
export function graphOutputs(metrics: GraphMetrics, drawing: GraphDrawing): CellOutput[] {
  const out: CellOutput[] = [
    { kind: 'table', columns: ['metric', 'value'], rows: metricsSummary(metrics) },
    { kind: 'json', value: drawing },
  ];
  if (metrics.warnings.length > 0)
    out.push({ kind: 'text', text: metrics.warnings.map((w) => `warning: ${w}`).join('\n') });
  return out;
}

/** The stored drawing of a graph cell, or null (never ran, or outputs of another shape). */
export function drawingOf(cell: Pick<Cell, 'outputs'>): GraphDrawing | null {
  for (const o of cell.outputs) {
    if (o.kind !== 'json') continue;
    const v = o.value as Partial<GraphDrawing> | null;
    if (v && v.kind === 'quire-graph' && Array.isArray(v.nodes) && Array.isArray(v.edges))
      return v as GraphDrawing;
  }
  return null;
}

const describe = (cell: Cell): string => {
  const r = GraphCellDataSchema.safeParse(cell.data);
  if (!r.success) return 'graph';
  const s = r.data.source;
  if (s.kind === 'library-knn')
    return `graph: library similarity (k = ${s.k}, cosine ≥ ${s.threshold}, ${s.mode}${s.sample ? `, a sample of ${s.sample} papers` : ''})`;
  if (s.kind === 'edges') return `graph: edge list of ${s.cell}`;
  return `graph: ${s.model}${s.model === 'karate' ? '' : ` (n = ${s.n}, seed ${r.data.seed})`}`;
};

/** The outputs a report shows: the summary (metrics to 4 significant digits), not the drawing. */
const shown = (cell: Cell) => metricsReportOutputs(cell.outputs.filter((o) => o.kind !== 'json'));

export const graphCell: CellType = {
  type: 'graph',
  label: 'Graph',
  content: 'data',
  defaults: () => ({
    data: { source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' }, seed: 0 },
  }),
  dataSchema: GraphCellDataSchema,
  inputsOf: (cell, nb) => {
    const r = GraphCellDataSchema.safeParse(cell.data);
    if (!r.success || r.data.source.kind !== 'edges') return [];
    const src = findCell(nb, r.data.source.cell);
    return src ? [src.id] : [];
  },
  exporters: {
    markdown: (cell) => `*${describe(cell)}*\n\n${outputsToMarkdown(shown(cell))}`,
    html: (cell) =>
      `<p class="graph"><em>${escapeHtml(describe(cell))}</em></p>\n${outputsToHtml(shown(cell))}`,
    ipynb: (cell) => {
      const drawing = drawingOf(cell);
      return [
        {
          id: cell.id,
          cell_type: 'code',
          metadata: { quire: { type: 'graph', spec: cell.data } },
          source: toLines(
            drawing
              ? graphPython(cell.id, drawing, describe(cell))
              : `# ${pyComment(describe(cell))}: not computed in Quire yet, so there is no graph to export.\n`,
          ),
          execution_count: null,
          outputs: outputsToIpynb(shown(cell)),
        },
      ];
    },
  },
};
