// Graph metrics: the networkx 2.8.8 definitions (Hagberg, Schult & Swart 2008, "Exploring network
// structure, dynamics, and function using NetworkX"), checked per node against networkx output in
// ../shared/reference/graphs/ (see reference.test.ts). Sources of each metric:
// - clustering / transitivity: Watts & Strogatz 1998 (local clustering, degree < 2 → 0);
//   directed graphs use Fagiolo 2007, "Clustering in complex directed networks", as networkx does.
// - components, diameter, average shortest path: breadth-first search (hop counts); directed
//   graphs use weakly connected components, and distances inside the largest strongly connected
//   component (Kosaraju), where they are defined.
// - closeness: Wasserman & Faust 1994 improved formula ((r−1)/Σd)·((r−1)/(n−1)), r = nodes that
//   reach the node (networkx `wf_improved=True`). Own code: it shares the all-pairs BFS pass that
//   the diameter needs (graphology's `wassermanFaust` closeness agrees to 0 on the reference graphs
//   but would run a second all-pairs pass).
// - degree assortativity: Newman 2002/2003, Pearson correlation of the degrees at the two ends of
//   every edge (directed: out-degree of the source vs in-degree of the target, networkx default).
// - betweenness: Brandes 2001, graphology-metrics (agrees with networkx to ≤ 1e-15 on the
//   references: raw halved for undirected graphs; normalised by 1/((n−1)(n−2)) of the unhalved sums).
// - eigenvector: own power iteration on I + A, unit Euclidean norm (networkx eigenvector_centrality
//   _numpy). graphology's version stops at its tolerance with no shift-free guarantee and gives an
//   isolated node a residue: max relative difference 1.0 on erdos_renyi_n200 (isolated node 114),
//   3e-13 elsewhere; ours stops at max change < 1e-15 and agrees to ~1e-12.
// - PageRank: graphology-metrics (alpha 0.85, dangling mass spread uniformly, as networkx does);
//   agrees to ≤ 1.3e-10 relative with tolerance 1e-14.
// - k-core numbers: Batagelj & Zaveršnik 2003, O(m) bin sort (directed: in+out degree, as networkx).
// - communities: Louvain (Blondel et al. 2008) by graphology-communities-louvain, seeded through
//   ./rng; modularity (Newman 2006, resolution 1) by graphology-metrics.
// - power law of the degree sequence: Clauset, Shalizi & Newman 2009 (./powerlaw).
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerankCentrality from 'graphology-metrics/centrality/pagerank';
import modularityMetric from 'graphology-metrics/graph/modularity';
import { toCsr } from './build';
import { METRIC_GROUPS } from './metric-groups';
import type { MetricGroup } from './metric-groups';
import type { Csr, QuireGraph } from './build';
import { fitPowerLaw } from './powerlaw';
import type { PowerLawFit } from './powerlaw';
import { createRng } from './rng';
import { graphFail as fail } from './errors';

export { METRIC_GROUPS };
export type { MetricGroup };

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

export const DEFAULTS: MetricsOptions = {
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

const toRecord = (c: Csr, v: ArrayLike<number>): NodeValues => {
  const r: NodeValues = {};
  for (let i = 0; i < c.n; i++) r[c.keys[i]!] = v[i]!;
  return r;
};

/** Total degree with self-loops counted twice (networkx `G.degree`). */
export function degrees(c: Csr): Int32Array {
  const d = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    d[i] = c.outOffsets[i + 1]! - c.outOffsets[i]! + 2 * c.loops[i]!;
    if (c.directed) d[i]! += c.inOffsets[i + 1]! - c.inOffsets[i]!;
  }
  return d;
}

/** Local clustering per node and triangle count (undirected: T(v); directed: Fagiolo's). */
export function clusteringCoefficients(c: Csr): {
  clustering: Float64Array;
  triangles: Float64Array;
  transitivity: number | null;
} {
  const { n, outOffsets: oo, outTargets: ot, inOffsets: io, inTargets: it } = c;
  const clustering = new Float64Array(n);
  const triangles = new Float64Array(n);
  if (!c.directed) {
    const mark = new Int32Array(n).fill(-1);
    let tri2 = 0;
    let triples = 0;
    for (let v = 0; v < n; v++) {
      for (let p = oo[v]!; p < oo[v + 1]!; p++) mark[ot[p]!] = v;
      let t = 0;
      for (let p = oo[v]!; p < oo[v + 1]!; p++) {
        const u = ot[p]!;
        for (let q = oo[u]!; q < oo[u + 1]!; q++) if (mark[ot[q]!] === v) t++;
      }
      // t counts each triangle at v twice.
      const k = oo[v + 1]! - oo[v]!;
      triangles[v] = t / 2;
      clustering[v] = k < 2 ? 0 : t / (k * (k - 1));
      tri2 += t;
      triples += k * (k - 1);
    }
    return { clustering, triangles, transitivity: triples === 0 ? 0 : tri2 / triples };
  }
  const isPred = new Int32Array(n).fill(-1);
  const isSucc = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let p = io[i]!; p < io[i + 1]!; p++) isPred[it[p]!] = i;
    for (let p = oo[i]!; p < oo[i + 1]!; p++) isSucc[ot[p]!] = i;
    let t = 0;
    const count = (j: number) => {
      for (let q = io[j]!; q < io[j + 1]!; q++) {
        const x = it[q]!;
        if (isPred[x] === i) t++;
        if (isSucc[x] === i) t++;
      }
      for (let q = oo[j]!; q < oo[j + 1]!; q++) {
        const x = ot[q]!;
        if (isPred[x] === i) t++;
        if (isSucc[x] === i) t++;
      }
    };
    for (let p = io[i]!; p < io[i + 1]!; p++) count(it[p]!);
    for (let p = oo[i]!; p < oo[i + 1]!; p++) count(ot[p]!);
    let both = 0;
    for (let p = oo[i]!; p < oo[i + 1]!; p++) if (isPred[ot[p]!] === i) both++;
    const dtot = io[i + 1]! - io[i]! + (oo[i + 1]! - oo[i]!);
    const denom = 2 * (dtot * (dtot - 1) - 2 * both);
    triangles[i] = t / 2;
    clustering[i] = t === 0 ? 0 : t / denom;
  }
  return { clustering, triangles, transitivity: null };
}

/** Connected components (weakly connected when directed), largest first, ties in node order. */
export function components(c: Csr): number[][] {
  const seen = new Uint8Array(c.n);
  const queue = new Int32Array(c.n);
  const comps: number[][] = [];
  for (let s = 0; s < c.n; s++) {
    if (seen[s]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = 1;
    const comp: number[] = [];
    while (head < tail) {
      const v = queue[head++]!;
      comp.push(v);
      for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++) {
        const u = c.outTargets[p]!;
        if (!seen[u]) {
          seen[u] = 1;
          queue[tail++] = u;
        }
      }
      if (c.directed)
        for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++) {
          const u = c.inTargets[p]!;
          if (!seen[u]) {
            seen[u] = 1;
            queue[tail++] = u;
          }
        }
    }
    comps.push(comp);
  }
  // Stable sort: equal sizes keep discovery (node) order, so the LCC is networkx's max(..., key=len).
  return comps
    .map((cc, i) => [cc, i] as const)
    .sort((a, b) => b[0].length - a[0].length || a[1] - b[1])
    .map((x) => x[0]);
}

/** Strongly connected components (Kosaraju, iterative), largest first. */
export function strongComponents(c: Csr): number[][] {
  const n = c.n;
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const ptr = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    ptr[s] = c.outOffsets[s]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (ptr[v]! < c.outOffsets[v + 1]!) {
        const u = c.outTargets[ptr[v]!++]!;
        if (!seen[u]) {
          seen[u] = 1;
          ptr[u] = c.outOffsets[u]!;
          stack[top++] = u;
        }
      } else {
        order.push(v);
        top--;
      }
    }
  }
  const comp = new Int32Array(n).fill(-1);
  const comps: number[][] = [];
  for (let k = n - 1; k >= 0; k--) {
    const s = order[k]!;
    if (comp[s]! >= 0) continue;
    const id = comps.length;
    const members: number[] = [s];
    comp[s] = id;
    for (let h = 0; h < members.length; h++) {
      const v = members[h]!;
      for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++) {
        const u = c.inTargets[p]!;
        if (comp[u]! < 0) {
          comp[u] = id;
          members.push(u);
        }
      }
    }
    comps.push(members);
  }
  return comps.sort((a, b) => b.length - a.length);
}

/**
 * One BFS per node: Wasserman–Faust closeness (over in-edges when directed, i.e. distance to the
 * node) and, for sources in `region`, the diameter and mean distance among `region`'s nodes.
 */
export function distancePass(
  c: Csr,
  region: readonly number[] | null,
): { closeness: Float64Array; diameter: number; aspl: number } {
  const n = c.n;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const closeness = new Float64Array(n);
  const inRegion = new Uint8Array(n);
  if (region) for (const v of region) inRegion[v] = 1;
  const bfs = (s: number, offsets: Int32Array, targets: Int32Array) => {
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const dv = dist[v]! + 1;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const u = targets[p]!;
        if (dist[u] === -1) {
          dist[u] = dv;
          queue[tail++] = u;
        }
      }
    }
    return tail;
  };
  let diameter = 0;
  let total = 0;
  const closenessFrom = (s: number, reached: number) => {
    let sum = 0;
    for (let h = 0; h < reached; h++) sum += dist[queue[h]!]!;
    closeness[s] = sum > 0 && n > 1 ? ((reached - 1) / sum) * ((reached - 1) / (n - 1)) : 0;
  };
  const regionFrom = (reached: number) => {
    for (let h = 0; h < reached; h++) {
      const u = queue[h]!;
      if (!inRegion[u]) continue;
      const d = dist[u]!;
      total += d;
      if (d > diameter) diameter = d;
    }
  };
  const reset = (reached: number) => {
    for (let h = 0; h < reached; h++) dist[queue[h]!] = -1;
  };
  for (let s = 0; s < n; s++) {
    const reached = bfs(s, c.inOffsets, c.inTargets);
    closenessFrom(s, reached);
    if (!c.directed && inRegion[s]) regionFrom(reached);
    reset(reached);
    if (c.directed && inRegion[s]) {
      const r2 = bfs(s, c.outOffsets, c.outTargets);
      regionFrom(r2);
      reset(r2);
    }
  }
  const r = region?.length ?? 0;
  return { closeness, diameter, aspl: r > 1 ? total / (r * (r - 1)) : 0 };
}

/** Degree assortativity (Pearson over edge ends); null when undefined (all degrees equal, no edges). */
export function degreeAssortativity(c: Csr): number | null {
  const { n, directed } = c;
  const deg = degrees(c);
  const outDeg = new Int32Array(n);
  const inDeg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    outDeg[i] = c.outOffsets[i + 1]! - c.outOffsets[i]! + c.loops[i]!;
    inDeg[i] = c.inOffsets[i + 1]! - c.inOffsets[i]! + c.loops[i]!;
  }
  const xd = directed ? outDeg : deg;
  const yd = directed ? inDeg : deg;
  let cnt = 0;
  let sx = 0;
  let sy = 0;
  const pairs: [number, number][] = [];
  for (let u = 0; u < n; u++) {
    for (let p = c.outOffsets[u]!; p < c.outOffsets[u + 1]!; p++) {
      const x = xd[u]!;
      const y = yd[c.outTargets[p]!]!;
      pairs.push([x, y]);
      sx += x;
      sy += y;
      cnt++;
    }
    for (let l = 0; l < c.loops[u]!; l++) {
      pairs.push([xd[u]!, yd[u]!]);
      sx += xd[u]!;
      sy += yd[u]!;
      cnt++;
    }
  }
  if (cnt === 0) return null;
  const mx = sx / cnt;
  const my = sy / cnt;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** k-core number of every node (Batagelj & Zaveršnik 2003); self-loops ignored. */
export function coreNumbers(c: Csr): Int32Array {
  const n = c.n;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] =
      c.outOffsets[v + 1]! -
      c.outOffsets[v]! +
      (c.directed ? c.inOffsets[v + 1]! - c.inOffsets[v]! : 0);
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const num = bin[d]!;
    bin[d] = start;
    start += num;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!;
    vert[pos[v]!] = v;
    bin[deg[v]!]!++;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  const visit = (v: number, u: number) => {
    if (deg[u]! > deg[v]!) {
      const du = deg[u]!;
      const pu = pos[u]!;
      const pw = bin[du]!;
      const w = vert[pw]!;
      if (u !== w) {
        pos[u] = pw;
        vert[pu] = w;
        pos[w] = pu;
        vert[pw] = u;
      }
      bin[du]!++;
      deg[u]!--;
    }
  };
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++) visit(v, c.outTargets[p]!);
    if (c.directed)
      for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++) visit(v, c.inTargets[p]!);
  }
  return deg;
}

/**
 * Eigenvector centrality: power iteration x ← (I + A)x / ‖·‖₂ from the uniform vector (the shift
 * keeps bipartite graphs from oscillating and leaves the eigenvector unchanged); directed graphs
 * use in-edges (left eigenvector), as networkx does.
 */
export function eigenvectorCentrality(
  c: Csr,
  weighted: boolean,
  tolerance = DEFAULTS.eigenvectorTolerance,
  maxIterations = DEFAULTS.maxIterations,
): { values: Float64Array; iterations: number; converged: boolean } {
  const n = c.n;
  let x = new Float64Array(n).fill(n > 0 ? 1 / Math.sqrt(n) : 0);
  let y = new Float64Array(n);
  for (let it = 1; it <= maxIterations; it++) {
    for (let v = 0; v < n; v++) {
      let s = x[v]! + (weighted ? c.loopWeights[v]! : c.loops[v]!) * x[v]!;
      for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++)
        s += (weighted ? c.inWeights[p]! : 1) * x[c.inTargets[p]!]!;
      y[v] = s;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += y[v]! * y[v]!;
    norm = Math.sqrt(norm);
    if (norm === 0) return { values: y, iterations: it, converged: true };
    let change = 0;
    for (let v = 0; v < n; v++) {
      y[v]! /= norm;
      change = Math.max(change, Math.abs(y[v]! - x[v]!));
    }
    [x, y] = [y, x];
    if (change < tolerance) return { values: x, iterations: it, converged: true };
  }
  return { values: x, iterations: maxIterations, converged: false };
}

/** Louvain communities (best of `runs` seeded runs) with their modularity. */
export function louvainCommunities(
  g: QuireGraph,
  options: Partial<Pick<MetricsOptions, 'weighted' | 'seed' | 'louvainRuns' | 'resolution'>> = {},
): Communities {
  const o = { ...DEFAULTS, ...options };
  if (g.size === 0 || g.order === 0)
    return { modularity: null, nCommunities: g.order, communities: g.nodes().map((k) => [k]) };
  const getEdgeWeight = o.weighted ? 'weight' : null;
  let best: Communities | null = null;
  for (let r = 0; r < Math.max(1, o.louvainRuns); r++) {
    const rng = createRng(o.seed + r);
    const mapping = louvain(g, { getEdgeWeight, rng: rng.next, resolution: o.resolution });
    const q = modularity(g, mapping, o.weighted, o.resolution);
    if (!best || q > best.modularity!) {
      const groups = new Map<number, string[]>();
      g.forEachNode((k) => {
        const id = mapping[k]!;
        const list = groups.get(id);
        if (list) list.push(k);
        else groups.set(id, [k]);
      });
      const communities = [...groups.values()].sort((a, b) => b.length - a.length);
      best = { modularity: q, nCommunities: communities.length, communities };
    }
  }
  return best!;
}

/** Newman modularity of a partition (node → community), by graphology-metrics. */
export function modularity(
  g: QuireGraph,
  partition: Readonly<Record<string, string | number>>,
  weighted = false,
  resolution = 1,
): number {
  return modularityMetric(g, {
    getNodeCommunity: (k: string) => {
      const id = partition[k];
      if (id === undefined) fail(`modularity: node ${k} has no community`);
      return id;
    },
    getEdgeWeight: weighted ? 'weight' : null,
    resolution,
  });
}

/** Computes the requested metric groups of a graph. */
export function computeMetrics(g: QuireGraph, options: Partial<MetricsOptions> = {}): GraphMetrics {
  const o = { ...DEFAULTS, ...options };
  const want = new Set<MetricGroup>(o.metrics === 'all' ? METRIC_GROUPS : o.metrics);
  for (const m of want)
    if (!METRIC_GROUPS.includes(m))
      fail(`unknown metric '${String(m)}' (known: ${METRIC_GROUPS.join(', ')})`);
  // networkx answers most metrics of the null graph with errors too; say so once, plainly.
  if (g.order === 0) fail('the graph has no nodes: give it edges or nodes first');
  let groupsDone = 0;
  const step = (group: MetricGroup) => {
    if (want.has(group)) o.onGroup?.(group, groupsDone++, want.size);
  };
  const c = toCsr(g);
  const n = c.n;
  const m = c.m;
  const res: GraphMetrics = {
    directed: c.directed,
    weighted: o.weighted,
    nNodes: n,
    nEdges: m,
    density: n > 1 ? (c.directed ? m : 2 * m) / (n * (n - 1)) : 0,
    warnings: [],
  };
  step('counts');
  const deg = degrees(c);
  if (want.has('counts') || want.has('degree')) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += deg[i]!;
    res.averageDegree = n > 0 ? sum / n : 0;
  }
  step('degree');
  if (want.has('degree')) {
    res.degree = toRecord(c, deg);
    let maxK = -1;
    for (let i = 0; i < n; i++) maxK = Math.max(maxK, deg[i]!);
    const hist = new Array<number>(maxK + 1).fill(0);
    for (let i = 0; i < n; i++) hist[deg[i]!]!++;
    res.degreeHistogram = hist;
    res.degreeDistribution = hist.map((h) => h / n);
    const strength = new Float64Array(n);
    let total = 0;
    for (let v = 0; v < n; v++) {
      let s = 2 * c.loopWeights[v]!;
      total += c.loopWeights[v]!;
      for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++) s += c.outWeights[p]!;
      if (c.directed)
        for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++) s += c.inWeights[p]!;
      strength[v] = s;
      for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++)
        if (c.directed || c.outTargets[p]! > v) total += c.outWeights[p]!;
    }
    res.strength = toRecord(c, strength);
    res.totalWeight = total;
  }
  step('clustering');
  if (want.has('clustering')) {
    const cl = clusteringCoefficients(c);
    let s = 0;
    for (let i = 0; i < n; i++) s += cl.clustering[i]!;
    res.clustering = toRecord(c, cl.clustering);
    res.averageClustering = n > 0 ? s / n : 0;
    res.transitivity = cl.transitivity;
    if (c.directed) res.nTriangles = null;
    else {
      let t = 0;
      for (let i = 0; i < n; i++) t += cl.triangles[i]!;
      res.nTriangles = Math.round(t / 3);
    }
  }
  step('components');
  const comps = want.has('components') || want.has('distances') ? components(c) : [];
  if (want.has('components')) {
    res.nConnectedComponents = comps.length;
    res.componentSizes = comps.map((cc) => cc.length);
    res.connectedComponents = comps.map((cc) => cc.map((v) => c.keys[v]!));
    const lcc = comps[0] ?? [];
    const inL = new Uint8Array(n);
    for (const v of lcc) inL[v] = 1;
    let e = 0;
    for (const v of lcc) {
      e += c.loops[v]!;
      for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++)
        if (c.directed || c.outTargets[p]! > v) e += inL[c.outTargets[p]!]!;
    }
    res.lccNNodes = lcc.length;
    res.lccNEdges = e;
  }
  step('distances');
  step('closeness');
  if (want.has('distances') || want.has('closeness')) {
    const region = want.has('distances')
      ? c.directed
        ? (strongComponents(c)[0] ?? [])
        : (comps[0] ?? [])
      : null;
    const dp = distancePass(c, region);
    if (want.has('closeness')) res.closeness = toRecord(c, dp.closeness);
    if (want.has('distances')) {
      res.diameterLcc = dp.diameter;
      res.averageShortestPathLengthLcc = dp.aspl;
    }
  }
  step('assortativity');
  if (want.has('assortativity')) res.degreeAssortativity = degreeAssortativity(c);
  step('betweenness');
  if (want.has('betweenness')) {
    // One Brandes pass: graphology's raw values (halved when undirected, like networkx), rescaled
    // to networkx's normalisation 1/((n−1)(n−2)) on the unhalved sums.
    const raw = betweennessCentrality(g, { getEdgeWeight: null, normalized: false });
    const scale = n > 2 ? (c.directed ? 1 : 2) / ((n - 1) * (n - 2)) : 1;
    const norm: NodeValues = {};
    for (const k of c.keys) norm[k] = raw[k]! * scale;
    res.betweenness = norm;
    res.betweennessRaw = raw;
  }
  step('eigenvector');
  if (want.has('eigenvector')) {
    const ev = eigenvectorCentrality(c, o.weighted, o.eigenvectorTolerance, o.maxIterations);
    if (!ev.converged)
      res.warnings.push(
        `eigenvector centrality did not converge in ${ev.iterations} iterations (λ1 nearly degenerate?)`,
      );
    res.eigenvector = toRecord(c, ev.values);
  }
  step('pagerank');
  if (want.has('pagerank')) {
    res.pagerank =
      n === 0
        ? {}
        : pagerankCentrality(g, {
            getEdgeWeight: o.weighted ? 'weight' : null,
            alpha: o.pagerankAlpha,
            tolerance: o.pagerankTolerance,
            maxIterations: o.maxIterations,
          });
  }
  step('core');
  if (want.has('core')) {
    const core = coreNumbers(c);
    res.coreNumber = toRecord(c, core);
    let mx = 0;
    for (let i = 0; i < n; i++) mx = Math.max(mx, core[i]!);
    res.maxCore = mx;
  }
  step('louvain');
  if (want.has('louvain')) res.louvain = louvainCommunities(g, o);
  step('powerlaw');
  if (want.has('powerlaw')) {
    const ks: number[] = [];
    for (let i = 0; i < n; i++) if (deg[i]! > 0) ks.push(deg[i]!);
    const distinct = new Set(ks).size;
    if (distinct < 2) {
      res.powerLaw = null;
      res.warnings.push('power-law fit needs at least two distinct positive degrees');
    } else res.powerLaw = fitPowerLaw(ks);
  }
  return res;
}
