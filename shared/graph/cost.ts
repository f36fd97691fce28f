// Cost model of the library similarity graph (`graph:library`): how long its kNN search and metric
// groups take for a library size, so the graph cell can say what to expect before it starts and
// offer a cheaper setting (fewer neighbours, a seeded sample of papers). Coefficients: medians of
// bench/graph/library-cost.ts (500–3,000 synthetic 100-d papers, k = 10, the cell's default
// metrics) on the 2-core build machine under other processes' load, 2026-11-30; kNN at 3,000 papers
// took 2.3 s, distances 1.5 s. A user's machine is usually faster, so the estimate errs long.
import type { ParsedInputOf } from '../api/contract';
import type { LibraryGraphPlan } from '../api/graph-contract';
import type { MetricGroup } from './metric-groups';

/** Groups that run one BFS from every node (O(n·m)); distances and closeness share one pass. */
export const ALL_PAIRS_GROUPS: ReadonlySet<string> = new Set([
  'distances',
  'closeness',
  'betweenness',
]);

export const LIBRARY_GRAPH_COST = {
  /** Exact kNN: milliseconds per compared pair and dimension. */
  msPerPairDim: 1.28e-5,
  /** One all-pairs pass: milliseconds per node × edge. */
  msPerNodeEdge: 2.31e-5,
  /** Every other group together: milliseconds per (node + edge). */
  msPerNodePlusEdge: 0.0192,
  /** Edges of a union kNN graph per node and neighbour (mutual neighbours overlap). */
  edgesPerNodePerK: 0.74,
};

/** Estimates above this many seconds get a warning and a cheaper setting before the run. */
export const SLOW_GRAPH_SECONDS = 5;

export type LibraryGraphSetting = {
  /** Papers in the graph (the library's embedded papers, or the sample). */
  papers: number;
  dims: number;
  k: number;
  metrics: readonly MetricGroup[] | 'all';
};

/** Expected seconds of a library graph, by phase. */
export function estimateLibraryGraph(s: LibraryGraphSetting): {
  seconds: number;
  neighboursSeconds: number;
  metricsSeconds: number;
} {
  const c = LIBRARY_GRAPH_COST;
  const n = s.papers;
  const edges = n * Math.min(s.k, Math.max(0, n - 1)) * c.edgesPerNodePerK;
  const groups = s.metrics === 'all' ? [...ALL_PAIRS_GROUPS, 'other'] : s.metrics;
  const passes =
    (groups.some((g) => g === 'distances' || g === 'closeness') ? 1 : 0) +
    (groups.includes('betweenness') ? 1 : 0);
  const neighbours = (c.msPerPairDim * ((n * (n - 1)) / 2) * s.dims) / 1000;
  const metrics = (passes * c.msPerNodeEdge * n * edges + c.msPerNodePlusEdge * (n + edges)) / 1000;
  return { seconds: neighbours + metrics, neighboursSeconds: neighbours, metricsSeconds: metrics };
}

/**
 * A cheaper setting that the model expects to finish within `targetSeconds`: at most 5
 * neighbours, then the largest seeded sample of papers (a round number, at least 100) that fits.
 * Null when the setting is already within the target.
 */
export function cheaperLibraryGraph(
  s: LibraryGraphSetting,
  targetSeconds = SLOW_GRAPH_SECONDS,
): { k: number; sample: number | null; seconds: number } | null {
  if (estimateLibraryGraph(s).seconds <= targetSeconds) return null;
  const k = Math.min(s.k, 5);
  const fewer = estimateLibraryGraph({ ...s, k });
  if (fewer.seconds <= targetSeconds) return { k, sample: null, seconds: fewer.seconds };
  let lo = 100;
  let hi = s.papers;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (estimateLibraryGraph({ ...s, k, papers: mid }).seconds <= targetSeconds) lo = mid;
    else hi = mid;
  }
  const step = lo >= 1000 ? 500 : 100;
  const sample = Math.max(100, Math.floor(lo / step) * step);
  return { k, sample, seconds: estimateLibraryGraph({ ...s, k, papers: sample }).seconds };
}

/** `graph:libraryPlan`: the estimate for a setting over the library's embedded papers. */
export function libraryGraphPlan(
  library: { embedded: number; dims: number },
  input: ParsedInputOf<'graph:libraryPlan'>,
): LibraryGraphPlan {
  const papers = library.embedded;
  const nodes = input.sample === undefined ? papers : Math.min(papers, input.sample);
  const setting = { papers: nodes, dims: library.dims, k: input.k, metrics: input.metrics };
  const { seconds } = estimateLibraryGraph(setting);
  return {
    papers,
    nodes,
    seconds,
    slow: seconds > SLOW_GRAPH_SECONDS,
    cheaper: cheaperLibraryGraph(setting),
  };
}
