// Components and distances: connected components, diameter and average shortest path by
// breadth-first search (hop counts); directed graphs use weakly connected components, and distances
// inside the largest strongly connected component (Kosaraju), where they are defined. Closeness is
// Wasserman & Faust 1994's improved formula ((r−1)/Σd)·((r−1)/(n−1)), r = nodes that reach the node
// (networkx `wf_improved=True`). Own code: it shares the all-pairs BFS pass that the diameter needs
// (graphology's `wassermanFaust` closeness agrees to 0 on the reference graphs but would run a
// second all-pairs pass).
import type { Csr } from './build';
import { toRecord, type GraphMetrics } from './metric-types';

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

/** The `components` group: count, sizes and members of the components, and the largest's size. */
export function componentStats(
  c: Csr,
  comps: number[][],
): Pick<
  GraphMetrics,
  'nConnectedComponents' | 'componentSizes' | 'connectedComponents' | 'lccNNodes' | 'lccNEdges'
> {
  const lcc = comps[0] ?? [];
  const inL = new Uint8Array(c.n);
  for (const v of lcc) inL[v] = 1;
  let e = 0;
  for (const v of lcc) {
    e += c.loops[v]!;
    for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++)
      if (c.directed || c.outTargets[p]! > v) e += inL[c.outTargets[p]!]!;
  }
  return {
    nConnectedComponents: comps.length,
    componentSizes: comps.map((cc) => cc.length),
    connectedComponents: comps.map((cc) => cc.map((v) => c.keys[v]!)),
    lccNNodes: lcc.length,
    lccNEdges: e,
  };
}

/**
 * The `closeness` and `distances` groups from one BFS pass: distances over the largest (strongly,
 * when directed) connected component, whose weak components `comps` already holds.
 */
export function distanceStats(
  c: Csr,
  comps: number[][],
  want: { distances: boolean; closeness: boolean },
): Pick<GraphMetrics, 'closeness' | 'diameterLcc' | 'averageShortestPathLengthLcc'> {
  const region = want.distances
    ? c.directed
      ? (strongComponents(c)[0] ?? [])
      : (comps[0] ?? [])
    : null;
  const dp = distancePass(c, region);
  return {
    ...(want.closeness ? { closeness: toRecord(c, dp.closeness) } : {}),
    ...(want.distances ? { diameterLcc: dp.diameter, averageShortestPathLengthLcc: dp.aspl } : {}),
  };
}
