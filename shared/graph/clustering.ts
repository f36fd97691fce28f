// Clustering: local clustering and transitivity (Watts & Strogatz 1998; local clustering of a node
// of degree < 2 is 0); directed graphs use Fagiolo 2007, "Clustering in complex directed networks",
// as networkx does.
import type { Csr } from './build';
import { toRecord, type GraphMetrics } from './metric-types';

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

/** The `clustering` group: per-node clustering, its mean, transitivity and the triangle count. */
export function clusteringStats(
  c: Csr,
): Pick<GraphMetrics, 'clustering' | 'averageClustering' | 'transitivity' | 'nTriangles'> {
  const n = c.n;
  const cl = clusteringCoefficients(c);
  let s = 0;
  for (let i = 0; i < n; i++) s += cl.clustering[i]!;
  let nTriangles: number | null = null;
  if (!c.directed) {
    let t = 0;
    for (let i = 0; i < n; i++) t += cl.triangles[i]!;
    nTriangles = Math.round(t / 3);
  }
  return {
    clustering: toRecord(c, cl.clustering),
    averageClustering: n > 0 ? s / n : 0,
    transitivity: cl.transitivity,
    nTriangles,
  };
}
