// Degree-based metrics: degrees with their histogram and strengths, degree assortativity (Newman
// 2002/2003: Pearson correlation of the degrees at the two ends of every edge; directed: out-degree
// of the source vs in-degree of the target, networkx's default), k-core numbers (Batagelj &
// Zaveršnik 2003, O(m) bin sort; directed: in+out degree, as networkx) and the power law of the
// degree sequence (Clauset, Shalizi & Newman 2009, ./powerlaw).
import type { Csr } from './build';
import { toRecord, type GraphMetrics } from './metric-types';
import { fitPowerLaw } from './powerlaw';

/** Total degree with self-loops counted twice (networkx `G.degree`). */
export function degrees(c: Csr): Int32Array {
  const d = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    d[i] = c.outOffsets[i + 1]! - c.outOffsets[i]! + 2 * c.loops[i]!;
    if (c.directed) d[i]! += c.inOffsets[i + 1]! - c.inOffsets[i]!;
  }
  return d;
}

/** Mean total degree. */
export function averageDegree(deg: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < deg.length; i++) sum += deg[i]!;
  return deg.length > 0 ? sum / deg.length : 0;
}

/** The `degree` group: degrees, their histogram and distribution, strengths and total weight. */
export function degreeStats(
  c: Csr,
  deg: Int32Array,
): Pick<
  GraphMetrics,
  'degree' | 'degreeHistogram' | 'degreeDistribution' | 'strength' | 'totalWeight'
> {
  const n = c.n;
  let maxK = -1;
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, deg[i]!);
  const hist = new Array<number>(maxK + 1).fill(0);
  for (let i = 0; i < n; i++) hist[deg[i]!]!++;
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
  return {
    degree: toRecord(c, deg),
    degreeHistogram: hist,
    degreeDistribution: hist.map((h) => h / n),
    strength: toRecord(c, strength),
    totalWeight: total,
  };
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

/** The `core` group: every node's core number and the largest. */
export function coreStats(c: Csr): Pick<GraphMetrics, 'coreNumber' | 'maxCore'> {
  const core = coreNumbers(c);
  let mx = 0;
  for (let i = 0; i < c.n; i++) mx = Math.max(mx, core[i]!);
  return { coreNumber: toRecord(c, core), maxCore: mx };
}

/** The `powerlaw` group: the fit of the positive degrees, or null with a warning when it has none. */
export function degreePowerLaw(deg: Int32Array, warnings: string[]): GraphMetrics['powerLaw'] {
  const ks: number[] = [];
  for (let i = 0; i < deg.length; i++) if (deg[i]! > 0) ks.push(deg[i]!);
  const distinct = new Set(ks).size;
  if (distinct >= 2) return fitPowerLaw(ks);
  warnings.push('power-law fit needs at least two distinct positive degrees');
  return null;
}
