// The topic-map computation from vectors and texts to layout, clusters and label candidates: sort by
// a hash of the text (so any input order, in any library, gives the same result), project (UMAP),
// cluster (HDBSCAN or k-means, the number chosen by a measured criterion unless given), reassign
// unassigned papers to the nearest cluster above a similarity, and collect each cluster's c-TF-IDF
// candidates and central papers.
// Pure and synchronous: it runs inside the map worker thread (electron/services/map/map-worker.ts).
import { createRng } from '../graph/rng';
import { hdbscan } from './hdbscan';
import { kmeans, silhouette } from './kmeans';
import { clusterCandidates, type Candidate } from './labels';
import { project } from './project';
import { centralityWeights, centroidsOf, dot, normaliseRows } from './centroids';
import { gather, placeRest, sample } from './place-rest';

export { centralityWeights, centroidsOf };

export type MapMethod = 'density' | 'kmeans';

export type PipelineInput = {
  ids: string[];
  /** n × dims, L2-normalised rows (as the embedding service stores them). */
  vectors: Float32Array;
  dims: number;
  /** Title + abstract per paper (same order as ids). */
  texts: string[];
  method: MapMethod;
  /** k-means: fixed number of clusters (else chosen by silhouette). */
  k?: number;
  /** density: smallest cluster (else chosen by silhouette × assigned share among a few sizes). */
  minClusterSize?: number;
  seed: number;
  /** Cosine to a cluster's centroid at or above which an unassigned paper joins that cluster. */
  reassignSimilarity: number;
  epochs?: number;
};

export type PipelineCluster = {
  /** Member indices into the sorted ids. */
  members: number[];
  candidates: Candidate[];
  /** Indices of the three members nearest the centroid (cosine in the embedding space). */
  central: number[];
  /** Unit centroid in the embedding space. */
  centroid: Float32Array;
};

export type PipelineResult = {
  /** Paper ids in the pipeline's order (a hash of their text); every other array follows it. */
  ids: string[];
  xy: Float64Array;
  /** Cluster index per paper, −1 unassigned. */
  assignment: Int32Array;
  clusters: PipelineCluster[];
  projection: 'umap' | 'pca' | 'none';
  /** How the number of clusters was chosen. */
  choice: { criterion: string; tried: { param: number; clusters: number; score: number }[] };
  /** Papers the clustering left unassigned before reassignment. */
  unassignedBefore: number;
};

export type PipelineProgress = (phase: string, done: number, total: number) => void;

export function defaultMinClusterSize(n: number): number {
  return Math.max(5, Math.round(Math.sqrt(n) / 2.5));
}

/**
 * Fewest clusters the automatic choice considers. Silhouette alone always preferred 2–3 clusters
 * on the sample feed (0.47 at k = 2 falling to 0.30 at k = 15): true of blobs, useless as a map of
 * a library's topics. A floor of √n / 3 (5 for 227 papers, 33 for 10k) keeps the choice among
 * granularities a researcher would browse; within that range the criterion decides.
 */
export function minAutoClusters(n: number): number {
  return Math.max(2, Math.min(30, Math.round(Math.sqrt(n) / 3)));
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a stable, well-mixed sort key. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The input in a canonical order. Sort by a hash of the text (then the text, then the id) before
 * anything random: the same papers give the same map in any input order and in any library. Paper
 * ids are random per library, so sorting by id alone gave the same feed 5 to 14 clusters in
 * different libraries; a hash keeps the order as well mixed as random ids did (sorting by the text
 * itself groups similar papers, which the seeded sample and UMAP's neighbour search then see in runs).
 */
function sortByText(input: PipelineInput) {
  const n = input.ids.length;
  const { dims } = input;
  const key = input.texts.map(fnv1a);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      key[a]! - key[b]! ||
      cmp(input.texts[a]!, input.texts[b]!) ||
      cmp(input.ids[a]!, input.ids[b]!),
  );
  const ids = order.map((i) => input.ids[i]!);
  const texts = order.map((i) => input.texts[i]!);
  const vectors = new Float32Array(n * dims);
  order.forEach((src, dst) =>
    vectors.set(input.vectors.subarray(src * dims, (src + 1) * dims), dst * dims),
  );
  return { ids, texts, vectors };
}

/** Clusters renumbered by size (largest first; ties by first member) for stable, readable ids. */
function renumberBySize(labels: Int32Array, clusterCount: number): Int32Array {
  const n = labels.length;
  const sizes = new Array<number>(clusterCount).fill(0);
  const first = new Array<number>(clusterCount).fill(n);
  labels.forEach((l, i) => {
    if (l >= 0) {
      sizes[l]!++;
      first[l] = Math.min(first[l]!, i);
    }
  });
  const rank = Array.from({ length: clusterCount }, (_, c) => c).sort(
    (a, b) => sizes[b]! - sizes[a]! || first[a]! - first[b]!,
  );
  const newOf = new Int32Array(clusterCount);
  rank.forEach((c, r) => (newOf[c] = r));
  const assignment = labels.map((l) => (l >= 0 ? newOf[l]! : -1));
  return assignment;
}

export function runPipeline(
  input: PipelineInput,
  onProgress: PipelineProgress = () => {},
): PipelineResult {
  const n = input.ids.length;
  const { dims } = input;
  if (input.vectors.length !== n * dims || input.texts.length !== n)
    throw new Error(`map: ${n} ids need ${n * dims} vector values and ${n} texts`);
  const { ids, texts, vectors } = sortByText(input);
  normaliseRows(vectors, n, dims);

  if (n === 0)
    return {
      ids,
      xy: new Float64Array(0),
      assignment: new Int32Array(0),
      clusters: [],
      projection: 'none',
      choice: { criterion: 'empty library', tried: [] },
      unassignedBefore: 0,
    };

  // Large libraries: fit the projection and the clusters on a seeded sample, then place the rest
  // like papers added later (nearest sample papers in the embedding space).
  const fit = n > FIT_MAX ? sample(n, FIT_MAX, input.seed) : null;
  const m = fit ? fit.length : n;
  const fitVectors = fit ? gather(vectors, fit, dims) : vectors;
  onProgress('project', 0, 1);
  const proj = project(fitVectors, m, dims, {
    seed: input.seed,
    epochs: input.epochs,
    onProgress: (d, t) => onProgress('project', d, t),
  });
  onProgress('cluster', 0, 1);
  let fitLabels: Int32Array;
  let choice: PipelineResult['choice'];
  if (m < 2 * Math.max(2, input.minClusterSize ?? 5) && input.method === 'density') {
    // Too few papers to tell dense regions from sparse ones: one topic.
    fitLabels = new Int32Array(m);
    choice = {
      criterion: `fewer than ${2 * (input.minClusterSize ?? 5)} papers: one cluster`,
      tried: [],
    };
  } else if (input.method === 'kmeans') {
    ({ labels: fitLabels, choice } = chooseKmeans(proj.low, m, proj.lowDims, input));
  } else {
    ({ labels: fitLabels, choice } = chooseDensity(proj.low, m, proj.lowDims, input));
  }
  let labels = fitLabels;
  let xy = proj.xy;
  if (fit) {
    onProgress('place', 0, n - m);
    ({ labels, xy } = placeRest(vectors, n, dims, fit, fitLabels, proj.xy, input.seed));
    choice = {
      ...choice,
      criterion: `${choice.criterion}; fitted on a sample of ${m}, the rest placed by nearest neighbours`,
    };
  }
  let clusterCount = maxOf(labels) + 1;
  if (clusterCount === 0) {
    labels = new Int32Array(n);
    clusterCount = 1;
    choice = { ...choice, criterion: `${choice.criterion}; no dense group found: one cluster` };
  }
  let unassignedBefore = 0;
  for (const l of labels) if (l < 0) unassignedBefore++;

  const assignment = renumberBySize(labels, clusterCount);

  let centroids = centroidsOf(vectors, n, dims, assignment, clusterCount);
  // Reassign unassigned papers to the most similar centroid above the threshold.
  for (let i = 0; i < n; i++) {
    if (assignment[i]! >= 0) continue;
    let best = -1;
    let bestSim = -Infinity;
    for (let c = 0; c < clusterCount; c++) {
      const s = dot(vectors, i, centroids[c]!, dims);
      if (s > bestSim) [best, bestSim] = [c, s];
    }
    if (best >= 0 && bestSim >= input.reassignSimilarity) assignment[i] = best;
  }
  centroids = centroidsOf(vectors, n, dims, assignment, clusterCount);

  onProgress('label', 0, 1);
  const candidates = clusterCandidates(
    texts,
    assignment,
    clusterCount,
    undefined,
    undefined,
    centralityWeights(vectors, dims, assignment, centroids),
  );
  const clusters: PipelineCluster[] = [];
  for (let c = 0; c < clusterCount; c++) {
    const members: number[] = [];
    assignment.forEach((a, i) => a === c && members.push(i));
    const central = members
      .map((i) => ({ i, s: dot(vectors, i, centroids[c]!, dims) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, 3)
      .map((x) => x.i);
    clusters.push({ members, candidates: candidates[c]!, central, centroid: centroids[c]! });
  }
  onProgress('label', 1, 1);
  return {
    ids,
    xy,
    assignment,
    clusters,
    projection: proj.method,
    choice,
    unassignedBefore,
  };
}

function chooseKmeans(
  low: Float64Array,
  n: number,
  d: number,
  input: PipelineInput,
): { labels: Int32Array; choice: PipelineResult['choice'] } {
  if (input.k !== undefined) {
    const r = kmeans(low, n, d, input.k, createRng(input.seed));
    return { labels: r.labels, choice: { criterion: `k = ${r.k} (given)`, tried: [] } };
  }
  const minK = Math.min(minAutoClusters(n), n - 1);
  const maxK = Math.max(minK, Math.min(2 * minK + 10, Math.floor(Math.sqrt(n) * 1.5), n - 1));
  let best: { labels: Int32Array; score: number; k: number } | null = null;
  const tried: PipelineResult['choice']['tried'] = [];
  for (let k = Math.max(2, minK); k <= maxK; k++) {
    const r = kmeans(low, n, d, k, createRng(input.seed + k));
    const score = silhouette(low, n, d, r.labels);
    tried.push({ param: k, clusters: r.k, score });
    if (!best || score > best.score + 1e-9) best = { labels: r.labels, score, k };
  }
  if (!best) return { labels: new Int32Array(n), choice: { criterion: 'one cluster', tried } };
  return {
    labels: best.labels,
    choice: { criterion: `k = ${best.k}: highest silhouette over k = ${minK}…${maxK}`, tried },
  };
}

function chooseDensity(
  low: Float64Array,
  n: number,
  d: number,
  input: PipelineInput,
): { labels: Int32Array; choice: PipelineResult['choice'] } {
  if (input.minClusterSize !== undefined) {
    const r = hdbscan(low, n, d, { minClusterSize: input.minClusterSize });
    return {
      labels: r.labels,
      choice: { criterion: `HDBSCAN, min cluster size ${input.minClusterSize} (given)`, tried: [] },
    };
  }
  // Candidate sizes around the default; score = silhouette of the assigned × share assigned, so a
  // setting that leaves most papers out cannot win on a few tight clusters.
  const base = defaultMinClusterSize(n);
  const sizes = [...new Set([Math.round(base * 0.6), base, Math.round(base * 1.6), base * 2])]
    .filter((s) => s >= 3 && s <= n / 2)
    .sort((a, b) => a - b);
  const floor = minAutoClusters(n);
  let best: { labels: Int32Array; score: number; size: number; clusters: number } | null = null;
  const tried: PipelineResult['choice']['tried'] = [];
  for (const size of sizes) {
    const r = hdbscan(low, n, d, { minClusterSize: size });
    let assigned = 0;
    for (const l of r.labels) if (l >= 0) assigned++;
    const score = r.clusters >= 2 ? silhouette(low, n, d, r.labels) * (assigned / n) : -1;
    tried.push({ param: size, clusters: r.clusters, score });
    // Settings reaching the floor beat those below it; then the score decides.
    const better =
      !best || r.clusters >= floor !== best.clusters >= floor
        ? !best || r.clusters >= floor
        : score > best.score + 1e-9;
    if (better) best = { labels: r.labels, score, size, clusters: r.clusters };
  }
  if (!best) {
    const r = hdbscan(low, n, d, {
      minClusterSize: Math.min(base, Math.max(2, Math.floor(n / 2))),
    });
    return { labels: r.labels, choice: { criterion: 'HDBSCAN, default size', tried } };
  }
  return {
    labels: best.labels,
    choice: {
      criterion: `HDBSCAN, min cluster size ${best.size}: highest silhouette × assigned share`,
      tried,
    },
  };
}

/** Papers above which the projection and clustering are fitted on a sample (bench/map: UMAP in umap-js took 336 s for 10k papers). */
export const FIT_MAX = 2000;

function maxOf(a: ArrayLike<number>): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}
