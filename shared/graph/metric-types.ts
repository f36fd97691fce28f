// The types and defaults of the graph metrics (./metrics.ts): the options every metric module reads,
// the result object computeMetrics fills, and the node-keyed record the per-node values travel in.
import type { Csr } from './build';
import type { MetricGroup } from './metric-groups';
import type { PowerLawFit } from './powerlaw';

export type MetricsOptions = {
  /** Groups to compute; 'all' = every group. */
  metrics: readonly MetricGroup[] | 'all';
  /** Use edge weights in strength, eigenvector, PageRank, Louvain and modularity. */
  weighted: boolean;
  /** Louvain seed (./rng); runs use seed, seed+1, … and the best modularity wins. */
  seed: number;
  louvainRuns: number;
  resolution: number;
  pagerankAlpha: number;
  pagerankTolerance: number;
  eigenvectorTolerance: number;
  maxIterations: number;
  /**
   * Called before each requested group is computed, with its name and how many groups are done:
   * distances and betweenness are O(n·m) and take minutes on a large graph, so callers show which.
   */
  onGroup?: (group: MetricGroup, done: number, total: number) => void;
};

export const METRIC_DEFAULTS: MetricsOptions = {
  metrics: 'all',
  weighted: false,
  seed: 0,
  louvainRuns: 1,
  resolution: 1,
  pagerankAlpha: 0.85,
  pagerankTolerance: 1e-14,
  eigenvectorTolerance: 1e-15,
  maxIterations: 10000,
};

export type NodeValues = Record<string, number>;
export type Communities = {
  modularity: number | null;
  nCommunities: number;
  communities: string[][];
};

export type GraphMetrics = {
  directed: boolean;
  weighted: boolean;
  nNodes: number;
  nEdges: number;
  density: number;
  averageDegree?: number;
  degree?: NodeValues;
  /** Index k = number of nodes of (total) degree k. */
  degreeHistogram?: number[];
  /** P(k) = histogram / n. */
  degreeDistribution?: number[];
  strength?: NodeValues;
  totalWeight?: number;
  averageClustering?: number;
  clustering?: NodeValues;
  /** Undirected only (null for directed graphs, as networkx refuses them). */
  transitivity?: number | null;
  nTriangles?: number | null;
  nConnectedComponents?: number;
  componentSizes?: number[];
  connectedComponents?: string[][];
  lccNNodes?: number;
  lccNEdges?: number;
  diameterLcc?: number;
  averageShortestPathLengthLcc?: number;
  degreeAssortativity?: number | null;
  betweenness?: NodeValues;
  betweennessRaw?: NodeValues;
  closeness?: NodeValues;
  eigenvector?: NodeValues;
  pagerank?: NodeValues;
  coreNumber?: NodeValues;
  maxCore?: number;
  louvain?: Communities;
  powerLaw?: PowerLawFit | null;
  warnings: string[];
};

/** Per-node values keyed by node id (the CSR's node order → its keys). */
export const toRecord = (c: Csr, v: ArrayLike<number>): NodeValues => {
  const r: NodeValues = {};
  for (let i = 0; i < c.n; i++) r[c.keys[i]!] = v[i]!;
  return r;
};
