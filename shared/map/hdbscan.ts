// HDBSCAN (Campello, Moulavi & Sander 2013, "Density-based clustering based on hierarchical density
// estimates"; the condensed tree and excess-of-mass selection as in McInnes & Healy 2017, "Accelerated
// hierarchical density based clustering") on a low-dimensional embedding: core distances from a
// k-d-tree kNN, the exact mutual-reachability minimum spanning tree by Prim's algorithm up to
// EXACT_MST_MAX points (O(n²) time, O(n) memory: 20k points in 5-D is ~2·10⁹ flops, seconds), and
// above that Kruskal over the kNN graph's mutual-reachability edges only. The kNN graph alone is
// not enough at small n: well-separated clusters have no kNN edge between them, so stray points
// bridged them and were absorbed into clusters (the unit test with three blobs and noise caught it).
// Written here because the installed hdbscan-ts is O(n²) in time and memory and gave poor clusters
// on 2-D UMAP output (environment.md); density-clustering is not installed. A kNN graph may be
// disconnected (large n only): its components are joined at infinite distance, i.e. split at λ = 0.
import { knnAll } from './knn';

export type HdbscanOptions = {
  /** Smallest group reported as a cluster (≥ 2). */
  minClusterSize: number;
  /** Neighbour whose distance is the core distance (density smoothing); default minClusterSize. */
  minSamples?: number;
  /** Neighbours per point in the graph (≥ minSamples); default max(15, minSamples). */
  graphK?: number;
};

/** Cluster index per point (0..clusters−1, in order of first member) or −1 for noise. */
export type HdbscanResult = { labels: Int32Array; clusters: number };

export function hdbscan(
  data: Float64Array,
  n: number,
  dims: number,
  opts: HdbscanOptions,
): HdbscanResult {
  const mcs = Math.max(2, Math.floor(opts.minClusterSize));
  if (n < mcs) return { labels: new Int32Array(n).fill(-1), clusters: 0 };
  const minSamples = Math.max(1, Math.min(opts.minSamples ?? mcs, n - 1));
  const k =
    n <= EXACT_MST_MAX
      ? minSamples
      : Math.max(minSamples, Math.min(opts.graphK ?? Math.max(15, minSamples), n - 1));
  const knn = knnAll(data, n, dims, k);
  const core = new Float64Array(n);
  for (let i = 0; i < n; i++) core[i] = knn.distances[i * knn.k + minSamples - 1]!;

  const { ea, eb, ew } =
    n <= EXACT_MST_MAX
      ? primMst(data, n, dims, core)
      : knnGraphEdges(knn.indices, knn.distances, knn.k, n, core);
  const edgeOrder = Array.from({ length: ea.length }, (_, e) => e).sort(
    (x, y) => ew[x]! - ew[y]! || ea[x]! - ea[y]! || eb[x]! - eb[y]!,
  );

  // Kruskal → single-linkage merges: node n+i is the i-th merge.
  const uf = new UnionFind(2 * n - 1);
  const top = new Int32Array(2 * n - 1);
  for (let i = 0; i < top.length; i++) top[i] = i;
  const left = new Int32Array(n - 1);
  const right = new Int32Array(n - 1);
  const dist = new Float64Array(n - 1);
  const size = new Int32Array(2 * n - 1).fill(1);
  let merges = 0;
  const merge = (a: number, b: number, w: number): void => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    const node = n + merges;
    left[merges] = top[ra]!;
    right[merges] = top[rb]!;
    dist[merges] = w;
    size[node] = size[top[ra]!]! + size[top[rb]!]!;
    const r = uf.union(ra, rb);
    top[r] = node;
    merges++;
  };
  for (const e of edgeOrder) {
    if (merges === n - 1) break;
    merge(ea[e]!, eb[e]!, ew[e]!);
  }
  // Join the kNN graph's components at infinite distance.
  for (let i = 1; i < n && merges < n - 1; i++) merge(0, i, Infinity);

  return condenseAndSelect(n, left, right, dist, size, mcs);
}

/** Largest input for the exact (Prim) spanning tree. */
export const EXACT_MST_MAX = 20_000;

type Edges = { ea: Int32Array; eb: Int32Array; ew: Float64Array };

/** Exact minimum spanning tree of the complete mutual-reachability graph (Prim, dense form). */
function primMst(data: Float64Array, n: number, dims: number, core: Float64Array): Edges {
  const ea = new Int32Array(n - 1);
  const eb = new Int32Array(n - 1);
  const ew = new Float64Array(n - 1);
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  let cur = 0;
  inTree[0] = 1;
  for (let e = 0; e < n - 1; e++) {
    let next = -1;
    let nextW = Infinity;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      let s = 0;
      for (let d = 0; d < dims; d++) {
        const v = data[cur * dims + d]! - data[j * dims + d]!;
        s += v * v;
      }
      const w = Math.max(core[cur]!, core[j]!, Math.sqrt(s));
      if (w < best[j]!) {
        best[j] = w;
        from[j] = cur;
      }
      if (best[j]! < nextW) {
        nextW = best[j]!;
        next = j;
      }
    }
    inTree[next] = 1;
    ea[e] = Math.min(from[next]!, next);
    eb[e] = Math.max(from[next]!, next);
    ew[e] = nextW;
    cur = next;
  }
  return { ea, eb, ew };
}

/** Mutual-reachability edges of the kNN graph (large inputs). */
function knnGraphEdges(
  indices: Int32Array,
  distances: Float64Array,
  k: number,
  n: number,
  core: Float64Array,
): Edges {
  const m = n * k;
  const ea = new Int32Array(m);
  const eb = new Int32Array(m);
  const ew = new Float64Array(m);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t]!;
      const e = i * k + t;
      ea[e] = Math.min(i, j);
      eb[e] = Math.max(i, j);
      ew[e] = Math.max(core[i]!, core[j]!, distances[e]!);
    }
  return { ea, eb, ew };
}

/** λ = 1/distance, with zero distances (duplicate points) capped so stabilities stay finite. */
function lambdaOf(d: number): number {
  if (d === Infinity) return 0;
  return 1 / Math.max(d, 1e-9);
}

function condenseAndSelect(
  n: number,
  left: Int32Array,
  right: Int32Array,
  dist: Float64Array,
  size: Int32Array,
  mcs: number,
): HdbscanResult {
  const root = 2 * n - 2;
  // Condensed clusters: 0 is the root; parent, birth λ and stability per cluster.
  const parent: number[] = [-1];
  const birth: number[] = [0];
  const stability: number[] = [0];
  const children: number[][] = [[]];
  // Cluster each point fell out of, and the λ at which it did.
  const pointCluster = new Int32Array(n);
  const pointLambda = new Float64Array(n);

  const leaves = (node: number, out: number[]): void => {
    const stack = [node];
    while (stack.length) {
      const v = stack.pop()!;
      if (v < n) out.push(v);
      else stack.push(left[v - n]!, right[v - n]!);
    }
  };
  const dropOut = (node: number, cluster: number, lambda: number): void => {
    const pts: number[] = [];
    leaves(node, pts);
    for (const p of pts) {
      pointCluster[p] = cluster;
      pointLambda[p] = lambda;
      stability[cluster]! += lambda - birth[cluster]!;
    }
  };
  const newCluster = (par: number, lambda: number): number => {
    const id = parent.length;
    parent.push(par);
    birth.push(lambda);
    stability.push(0);
    children.push([]);
    children[par]!.push(id);
    return id;
  };

  const stack: [number, number][] = n === 1 ? [] : [[root, 0]];
  if (n === 1) dropOut(0, 0, 0);
  while (stack.length) {
    const [node, cluster] = stack.pop()!;
    const i = node - n;
    const l = left[i]!;
    const r = right[i]!;
    const lambda = lambdaOf(dist[i]!);
    const big = (c: number) => size[c]! >= mcs;
    if (big(l) && big(r)) {
      for (const c of [l, r]) {
        const id = newCluster(cluster, lambda);
        // Points of this child leave the parent cluster at λ (counted in the parent's stability).
        stability[cluster]! += (lambda - birth[cluster]!) * size[c]!;
        if (c >= n) stack.push([c, id]);
        else dropOut(c, id, lambda);
      }
    } else {
      for (const c of [l, r]) {
        if (big(c) && c >= n) stack.push([c, cluster]);
        else dropOut(c, cluster, lambda);
      }
    }
  }

  // Excess of mass: children are created after their parents, so walk ids downwards.
  const count = parent.length;
  const selected = new Uint8Array(count);
  const best = stability.slice();
  for (let c = count - 1; c >= 1; c--) {
    const sub = children[c]!.reduce((s, ch) => s + best[ch]!, 0);
    if (children[c]!.length > 0 && sub > stability[c]!) best[c] = sub;
    else {
      selected[c] = 1;
      best[c] = stability[c]!;
    }
  }
  // Keep only the top-most selected clusters.
  for (let c = 1; c < count; c++) {
    for (let a = parent[c]!; a > 0; a = parent[a]!)
      if (selected[a]) {
        selected[c] = 0;
        break;
      }
  }
  const labelOf = new Int32Array(count).fill(-1);
  const labels = new Int32Array(n).fill(-1);
  let clusters = 0;
  for (let p = 0; p < n; p++) {
    let c = pointCluster[p]!;
    while (c > 0 && !selected[c]) c = parent[c]!;
    if (c > 0) {
      if (labelOf[c] === -1) labelOf[c] = clusters++;
      labels[p] = labelOf[c]!;
    }
  }
  return { labels, clusters };
}

class UnionFind {
  private readonly p: Int32Array;
  private readonly rank: Uint8Array;
  constructor(n: number) {
    this.p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.p[i] = i;
    this.rank = new Uint8Array(n);
  }
  find(x: number): number {
    while (this.p[x] !== x) {
      this.p[x] = this.p[this.p[x]!]!;
      x = this.p[x]!;
    }
    return x;
  }
  union(a: number, b: number): number {
    if (this.rank[a]! < this.rank[b]!) [a, b] = [b, a];
    this.p[b] = a;
    if (this.rank[a] === this.rank[b]) this.rank[a]!++;
    return a;
  }
}
