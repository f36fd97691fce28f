// The graph cell's computation, apart from the view: the API calls of one run (`graph:library`, or
// `graph:metrics` for generators and edge lists, whose edges are rebuilt locally with the same
// seeded engine), the drawing and outputs stored in the cell, and the contract `GraphSource` of the
// cell's current graph (for robustness sweeps).
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import type { GraphSource } from '@shared/api/graph-contract';
import type { GraphMetrics, MetricGroup } from '@shared/graph/metrics';
import { graphFromSource } from '@shared/graph/ops';
import { communityTerms, labelSampleIds } from '@shared/notebook/cells/graph-communities';
import { groupByMapCluster, mapAssignmentOf } from '@shared/notebook/cells/graph-map-clusters';
import {
  edgesFromTable,
  generatorGraphSource,
  graphDrawing,
  graphOutputs,
  type GraphCellData,
  type GraphCellSource,
} from '@shared/notebook/cells/graph';
import type { CellOutput, Notebook } from '@shared/notebook/model';
import { tableOf } from '@shared/notebook/tables';

type Source<K extends GraphCellSource['kind']> = Extract<GraphCellSource, { kind: K }>;
type GraphResult = {
  metrics: GraphMetrics;
  drawing: ReturnType<typeof graphDrawing>;
  /** Rows added to the summary (the map clusters' modularity). */
  extraRows: [string, number | null][];
};
export type RunContext = {
  api: Api;
  notebook: Notebook;
  data: GraphCellData;
  signal: AbortSignal;
  onProgress?: (p: Progress) => void;
};

/** The `graph:library` (and `graph:libraryPlan`) input of a library source. */
export function libraryInput(src: Source<'library-knn'>, seed: number, metrics: MetricGroup[]) {
  return {
    k: src.k,
    threshold: src.threshold,
    mode: src.mode,
    metrics,
    seed,
    ...(src.sample ? { sample: src.sample } : {}),
  };
}

/** The edges of an edge-list source's table; throws a message naming what is missing. */
function tableEdges(notebook: Notebook, src: Source<'edges'>) {
  const t = tableOf(notebook, src.cell);
  if (!t) throw new Error(`No table "${src.cell}" (run the cell that makes it?)`);
  const edges = edgesFromTable(t, src);
  if (edges.length === 0) throw new Error('The table has no edges.');
  return edges;
}

/** The current graph source as a contract `GraphSource` (robustness sweeps). */
export async function graphSourceOf(src: GraphCellSource, ctx: RunContext): Promise<GraphSource> {
  if (src.kind === 'generator') return generatorGraphSource(src, ctx.data.seed);
  if (src.kind === 'edges') {
    const edges = tableEdges(ctx.notebook, src);
    return { kind: 'edges', edges, directed: false, allowSelfLoops: false };
  }
  const input = libraryInput(src, ctx.data.seed, ['counts']);
  const lg = await ctx.api.call('graph:library', input, { signal: ctx.signal });
  const nodes = lg.nodes.map((n) => n.id);
  return { kind: 'edges', edges: lg.edges, nodes, directed: false, allowSelfLoops: false };
}

/** Title + abstract of each paper (pages of the list call's maximum size). */
async function paperTexts(api: Api, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const page = await api.call('library:list', { ids: ids.slice(i, i + 1000), limit: 1000 });
    for (const p of page.items) out.set(p.id, `${p.title}. ${p.abstract}`);
  }
  return out;
}

async function libraryResult(
  src: Source<'library-knn'>,
  metrics: MetricGroup[],
  ctx: RunContext,
): Promise<GraphResult> {
  const { api, data, signal, onProgress } = ctx;
  const lg = await api.call('graph:library', libraryInput(src, data.seed, metrics), {
    signal,
    onProgress,
  });
  const { nodes, edges, ...m } = lg;
  const drawn = graphDrawing(
    nodes.map((n) => ({ id: n.id, label: n.label, paper: true })),
    edges,
    m,
  );
  if (data.colourBy === 'map-cluster') {
    const grouped = groupByMapCluster(drawn, mapAssignmentOf(await api.call('map:get', {})));
    return { metrics: m, drawing: grouped.drawing, extraRows: grouped.rows };
  }
  const texts = await paperTexts(api, labelSampleIds(drawn));
  const drawing = { ...drawn, communityTerms: communityTerms(drawn, texts) };
  return { metrics: m, drawing, extraRows: [] };
}

async function generatorResult(
  src: Source<'generator'>,
  metrics: MetricGroup[],
  ctx: RunContext,
): Promise<GraphResult> {
  const { seed } = ctx.data;
  const gs = generatorGraphSource(src, seed);
  const opts = { signal: ctx.signal, onProgress: ctx.onProgress };
  const m = await ctx.api.call('graph:metrics', { graph: gs, metrics, seed }, opts);
  const g = graphFromSource(gs);
  const edges: { source: string; target: string }[] = [];
  g.forEachEdge((_e, _a, s, t) => edges.push({ source: s, target: t }));
  const drawing = graphDrawing(
    g.mapNodes((id) => ({ id })),
    edges,
    m,
  );
  return { metrics: m, drawing, extraRows: [] };
}

async function edgesResult(
  src: Source<'edges'>,
  metrics: MetricGroup[],
  ctx: RunContext,
): Promise<GraphResult> {
  const edges = tableEdges(ctx.notebook, src);
  const weighted = edges.some((e) => e.weight !== undefined);
  const m = await ctx.api.call(
    'graph:metrics',
    { graph: { kind: 'edges', edges }, metrics, weighted, seed: ctx.data.seed },
    { signal: ctx.signal, onProgress: ctx.onProgress },
  );
  const ids = new Map<string, { id: string; paper?: boolean }>();
  for (const e of edges)
    for (const id of [e.source, e.target]) if (!ids.has(id)) ids.set(id, { id });
  return { metrics: m, drawing: graphDrawing([...ids.values()], edges, m), extraRows: [] };
}

/** Computes a source's metrics and drawing: the outputs the cell stores. */
export async function computeGraphOutputs(
  src: GraphCellSource,
  metrics: MetricGroup[],
  ctx: RunContext,
): Promise<CellOutput[]> {
  const result =
    src.kind === 'library-knn'
      ? await libraryResult(src, metrics, ctx)
      : src.kind === 'generator'
        ? await generatorResult(src, metrics, ctx)
        : await edgesResult(src, metrics, ctx);
  const outputs = graphOutputs(result.metrics, result.drawing);
  const summaryOut = outputs[0];
  if (summaryOut?.kind === 'table') summaryOut.rows.push(...result.extraRows);
  return outputs;
}
