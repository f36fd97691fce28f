// Topic-map methods of the API contract (see contract.ts). Owned by the map feature: a 2-D layout of
// the library under the active model, its clusters with key-phrase labels, and the user's edits to
// them (rename, merge), which survive a re-run. Service: electron/services/map/; engine: shared/map/.
import { z } from 'zod';
import { method } from './method';

const ClusterId = z.string().min(1).max(100);

export const MAP_METHODS = ['density', 'kmeans'] as const;
export type MapMethod = (typeof MAP_METHODS)[number];

/** Default cosine similarity above which an unassigned paper joins its nearest cluster (bench/map). */
export const DEFAULT_REASSIGN_SIMILARITY = 0.8;
export const DEFAULT_MAP_SEED = 42;

export const MapComputeInputSchema = z
  .object({
    /** `density`: HDBSCAN over UMAP's 5-D output; `kmeans`: k-means there, k chosen by silhouette unless given. */
    method: z.enum(MAP_METHODS).default('density'),
    /** k-means only: the number of clusters (else chosen automatically). */
    k: z.number().int().min(2).max(500).optional(),
    /** density only: the smallest group called a cluster (else chosen automatically). */
    minClusterSize: z.number().int().min(2).max(100_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(DEFAULT_MAP_SEED),
    /** Unassigned papers join the nearest cluster when their cosine to its centroid is at least this; 1 keeps them all unassigned. */
    reassignSimilarity: z.number().min(0).max(1).default(DEFAULT_REASSIGN_SIMILARITY),
  })
  .refine((v) => v.method === 'kmeans' || v.k === undefined, {
    message: 'k applies to the kmeans method only',
    path: ['k'],
  });

/** A cluster name proposed by an LLM, with what it was given and who answered (provenance). */
export type ClusterLlmName = {
  name: string;
  /** The model that answered: `transformers:<id>` or `<server model> @ <host>`. */
  model: string;
  /** ISO-8601 instant of the answer. */
  at: string;
  /** The prompt's inputs: the cluster's key phrases and central titles at the time. */
  keywords: string[];
  titles: string[];
};

/** One cluster of the map. */
export type MapCluster = {
  /** Stable across re-runs (matched by membership overlap): `c1`, `c2`, … */
  id: string;
  /** What to show: the user's name when renamed, else the LLM's proposed name, else the key phrases. */
  label: string;
  /** The label made from the key phrases. */
  autoLabel: string;
  renamed: boolean;
  /** The LLM's proposed name (shown as such until the user accepts or edits it); null/absent: none. */
  llmName?: ClusterLlmName | null;
  /** 2–4 distinctive key phrases (class-based TF-IDF, re-ranked by centroid similarity, MMR). */
  keywords: string[];
  size: number;
  /** The three members nearest the centroid: evidence for the label. */
  centralPaperIds: string[];
  /** Label position: the mean of the members' map coordinates. */
  x: number;
  y: number;
  /** Ids of clusters the user merged into this one. */
  mergedFrom: string[];
};

/** The papers of a map as columns (compact at 100k papers); row i is one paper. */
export type MapPoints = {
  ids: string[];
  titles: string[];
  x: number[];
  y: number[];
  /** Index into `clusters`, or −1 for unassigned. */
  cluster: number[];
  /** True for papers added after the layout was computed and placed near their nearest neighbours. */
  placed: boolean[];
  /** The paper's tags as they are now (for colouring the map by tag). */
  tags: string[][];
};

export type TopicMap = {
  modelId: string;
  method: MapMethod;
  seed: number;
  minClusterSize: number | null;
  k: number | null;
  reassignSimilarity: number;
  /** ISO-8601 instant of the computation. */
  computedAt: string;
  projection: 'umap' | 'pca' | 'none';
  /** How the number of clusters was chosen, with the candidates measured. */
  choice: { criterion: string; tried: { param: number; clusters: number; score: number }[] };
  clusters: MapCluster[];
  points: MapPoints;
  unassigned: number;
  /** Unassigned by the clustering itself, before reassignment by similarity. */
  unassignedBeforeReassign: number;
};

export type MapStatus = {
  /** `current`: matches the library; `stale`: see `stale`; `none`: no map for the active model yet. */
  state: 'none' | 'current' | 'stale';
  activeModel: string;
  /** Why the map is stale (only in state `stale`). */
  stale: {
    /** A map exists only for this other model; it is not shown (the active model's vectors differ). */
    otherModel: string | null;
    /** Papers added since the layout was computed (placed near their neighbours when embedded). */
    papersAdded: number;
    /** Papers deleted since (left out of the map). */
    papersRemoved: number;
  } | null;
  /** Papers of the library the active model has no vector for yet (not on the map). */
  notEmbedded: number;
  /** The map of the active model, or null (none computed, or only for another model). */
  map: TopicMap | null;
};

export const mapMethods = {
  /** Computes the map in a worker thread: projection, clustering, labels. A job: progress, cancel. */
  'map:compute': method<MapStatus>()(MapComputeInputSchema, { job: true }),
  /** The persisted map of the active model (instant), saying when it is stale. */
  'map:get': method<MapStatus>()(z.object({}).default({})),
  /** Names a cluster; an empty label restores the automatic one. */
  'map:renameCluster': method<MapStatus>()(
    z.object({
      clusterId: ClusterId,
      label: z.string().trim().max(120, 'a name is at most 120 characters'),
    }),
  ),
  /**
   * Asks the configured LLM (tagging's LLM settings) for a short name of each cluster (or of the
   * given ones) from its key phrases and three central titles; stores each with its provenance. A
   * renamed cluster keeps the user's name. A job: progress per cluster, cancel.
   */
  'map:nameClusters': method<MapStatus>()(
    z.object({ clusterIds: z.array(ClusterId).min(1).max(500).optional() }).default({}),
    { job: true },
  ),
  /** Merges `from` into `into` (labels recomputed; the name of `into` kept). */
  'map:mergeClusters': method<MapStatus>()(
    z
      .object({ into: ClusterId, from: z.array(ClusterId).min(1).max(100) })
      .refine((v) => !v.from.includes(v.into), {
        message: 'a cluster cannot be merged into itself',
      }),
  ),
} as const;

export type MapMethodName = keyof typeof mapMethods;
