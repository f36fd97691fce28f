// Graph-experiment methods of the API contract (see contract.ts). Owned by the graph feature; the
// engine is shared/graph and the handlers come from `createGraphHandlers()` in
// electron/services/graph/handlers.ts.
import { z } from 'zod';
import type { GraphMetrics, PowerLawFit, Table } from '../graph/index';
import { METRIC_GROUPS } from '../graph/metric-groups';
import { method } from './method';
import type { Method } from './method';

const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1)
  .default(0);
const Count = (max: number) => z.number().int().min(1).max(max);
const Prob = z.number().min(0).max(1);
const NodeId = z.union([z.string().min(1).max(500), z.number().finite()]);

const EdgeSchema = z.union([
  z.strictObject({ source: NodeId, target: NodeId, weight: z.number().finite().min(0).optional() }),
  z.tuple([NodeId, NodeId]),
  z.tuple([NodeId, NodeId, z.number().finite().min(0)]),
]);

/** Where a graph comes from: an edge list, a seeded generator, or tag co-occurrence. */
export const GraphSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('edges'),
    edges: z.array(EdgeSchema).max(2_000_000),
    nodes: z.array(NodeId).max(1_000_000).optional(),
    directed: z.boolean().default(false),
    allowSelfLoops: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('gnp'), n: Count(1_000_000), p: Prob, seed: Seed }),
  z.strictObject({
    kind: z.literal('gnm'),
    n: Count(1_000_000),
    m: z.number().int().min(0).max(2_000_000),
    seed: Seed,
  }),
  z.strictObject({
    kind: z.literal('barabasi-albert'),
    n: Count(1_000_000),
    m: Count(1000),
    seed: Seed,
  }),
  z.strictObject({
    kind: z.literal('watts-strogatz'),
    n: Count(1_000_000),
    k: z.number().int().min(0).max(1000),
    p: Prob,
    seed: Seed,
  }),
  z.strictObject({
    kind: z.literal('sbm'),
    sizes: z.array(z.number().int().min(0).max(100_000)).min(1).max(100),
    p: z.array(z.array(Prob).max(100)).max(100),
    seed: Seed,
  }),
  z.strictObject({ kind: z.literal('karate') }),
  z.strictObject({
    kind: z.literal('cooccurrence'),
    items: z.array(z.array(z.string().max(500)).max(1000)).max(1_000_000),
    minWeight: z.number().int().min(1).default(1),
    minCount: z.number().int().min(1).default(1),
  }),
]);
export type GraphSource = z.output<typeof GraphSourceSchema>;

const MetricsInputSchema = z.strictObject({
  graph: GraphSourceSchema,
  metrics: z.union([z.literal('all'), z.array(z.enum(METRIC_GROUPS)).min(1)]).default('all'),
  /** Use edge weights in strength, eigenvector, PageRank, Louvain and modularity. */
  weighted: z.boolean().default(false),
  seed: Seed,
  louvainRuns: z.number().int().min(1).max(100).default(1),
});

/** One paper of the library similarity graph, with what a view needs to draw it. */
export type LibraryGraphNode = {
  /** Paper id. */
  id: string;
  /** Paper title. */
  label: string;
  /** Louvain community index (0 = largest), or -1 when communities were not computed. */
  community: number;
  degree: number;
  /** PageRank, or 0 when it was not computed. */
  pagerank: number;
};
export type LibraryGraphEdge = { source: string; target: string; weight: number };
/** `graph:library`: the metrics of the kNN graph plus its nodes and edges. */
export type LibraryGraph = GraphMetrics & {
  /** Embedding model whose vectors made the graph. */
  model: string;
  nodes: LibraryGraphNode[];
  edges: LibraryGraphEdge[];
};

const LibraryGraphInputSchema = z.strictObject({
  k: Count(100).default(10),
  /** Minimum cosine similarity of an edge. */
  threshold: z.number().min(-1).max(1).default(0),
  mode: z.enum(['union', 'mutual']).default('union'),
  metrics: z.union([z.literal('all'), z.array(z.enum(METRIC_GROUPS)).min(1)]).default('all'),
  seed: Seed,
  /** Use a seeded random sample of this many embedded papers (the cheaper setting on a large library). */
  sample: z.number().int().min(2).max(10_000_000).optional(),
});

/** `graph:libraryPlan`: what a `graph:library` call with this setting is expected to cost. */
export type LibraryGraphPlan = {
  /** Embedded papers under the search model (the graph's nodes without a sample). */
  papers: number;
  /** Papers the setting would use (the sample, when smaller). */
  nodes: number;
  /** Expected seconds on the build machine (shared/graph/cost.ts; a user's machine is usually faster). */
  seconds: number;
  /** The estimate is above SLOW_GRAPH_SECONDS: the view warns before it starts. */
  slow: boolean;
  /** A setting expected to finish within SLOW_GRAPH_SECONDS, when this one is slow. */
  cheaper: { k: number; sample: number | null; seconds: number } | null;
};

const ExperimentInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('giant-component'),
    n: z.number().int().min(2).max(1_000_000),
    meanDegrees: z.array(z.number().min(0)).min(1).max(1000),
    repeats: Count(1000).default(5),
    seed: Seed,
  }),
  z.strictObject({
    kind: z.literal('robustness'),
    graph: GraphSourceSchema,
    steps: Count(10_000).default(20),
    repeats: Count(1000).default(5),
    seed: Seed,
  }),
]);

export const graphMethods = {
  /**
   * Metrics of a graph (counts, degrees, clustering, distances, centralities, cores, Louvain, power
   * law). A job: progress per metric group, cancel stops the compute worker.
   */
  'graph:metrics': method<GraphMetrics>()(MetricsInputSchema, { job: true }),
  /** Clauset–Shalizi–Newman discrete power-law fit of positive integers (e.g. degrees). */
  'graph:powerlaw': method<PowerLawFit>()(
    z.strictObject({
      data: z.array(z.number().int().min(1)).min(2).max(10_000_000),
      xmin: z.number().int().min(1).optional(),
    }),
  ),
  /**
   * The library's similarity graph: every embedded paper, linked to its k most cosine-similar
   * papers (≥ threshold) under the search model, with metrics (as `graph:metrics`), nodes and edges.
   * Needs the library, so the composition root mounts it (not `createGraphHandlers()`). A job:
   * progress in phases (`neighbours`: pairs compared; `metrics`: groups done, the group in
   * `message`), cancel stops the compute worker.
   */
  'graph:library': method<LibraryGraph>()(LibraryGraphInputSchema, { job: true }),
  /** The expected cost of `graph:library` with this setting, and a cheaper one when it is slow. */
  'graph:libraryPlan': method<LibraryGraphPlan>()(LibraryGraphInputSchema),
  /** A parameter sweep (giant component of G(n,p), robustness to node removal) as a table. */
  'graph:experiment': method<Table>()(ExperimentInputSchema, { job: true }),
} satisfies Record<string, Method<z.ZodType, unknown>>;

/** Methods that need the library (mounted by electron/services/index.ts, not by the pure engine). */
export type LibraryGraphMethodName = 'graph:library' | 'graph:libraryPlan';
/** Methods the pure engine answers (`createGraphHandlers()`). */
export type GraphMethodName = Exclude<keyof typeof graphMethods, LibraryGraphMethodName>;
