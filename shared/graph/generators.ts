// Graph generators, all seeded by ./rng (xoshiro128**): Erdős–Rényi G(n,p) (Erdős & Rényi 1959;
// Gilbert 1959) by geometric skipping in O(n + m) (Batagelj & Brandes 2005, "Efficient generation
// of large random networks"); G(n,m) by rejection of repeated pairs; Barabási–Albert preferential
// attachment (Barabási & Albert 1999), networkx's construction: a star on m + 1 nodes, then every
// new node links to m distinct nodes drawn from the list of edge ends (probability ∝ degree);
// Watts–Strogatz small world (Watts & Strogatz 1998): a ring where each node links to its k/2
// neighbours on either side, each edge (u, u+j) rewired with probability p to a uniform new end
// (no self-loops, no duplicates), as networkx does; the stochastic block model (Holland, Laskey &
// Leinhardt 1983) by geometric skipping per block pair; Zachary's karate club (Zachary 1977)
// with networkx's interaction-count weights and 'club' node attribute. Node keys are "0".."n−1".
import { emptyGraph } from './build';
import type { QuireGraph } from './build';
import { createRng } from './rng';
import type { Rng } from './rng';
import { graphFail as fail } from './errors';

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) fail(`${name} must be an integer ≥ ${min}, got ${v}`);
}

function checkProb(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) fail(`${name} must be a probability in [0, 1], got ${p}`);
}

function withNodes(n: number, directed = false): QuireGraph {
  const g = emptyGraph(directed);
  for (let i = 0; i < n; i++) g.addNode(String(i));
  return g;
}

/** Calls `hit(k)` for each index k in [0, count) kept independently with probability p. */
function skipSample(count: number, p: number, rng: Rng, hit: (k: number) => void): void {
  if (p <= 0 || count <= 0) return;
  if (p >= 1) {
    for (let k = 0; k < count; k++) hit(k);
    return;
  }
  const lr = Math.log(1 - p);
  let k = -1;
  for (;;) {
    k += 1 + Math.floor(Math.log(1 - rng.next()) / lr);
    if (k >= count) return;
    hit(k);
  }
}

export type GnpParams = { n: number; p: number; seed: number; directed?: boolean };

/** Erdős–Rényi G(n, p): each pair (each ordered pair when directed) is an edge with probability p. */
export function erdosRenyiGnp({ n, p, seed, directed = false }: GnpParams): QuireGraph {
  checkInt('n', n, 0);
  checkProb('p', p);
  const rng = createRng(seed);
  const g = withNodes(n, directed);
  if (directed) {
    skipSample(n * (n - 1), p, rng, (k) => {
      const u = Math.floor(k / (n - 1));
      let v = k % (n - 1);
      if (v >= u) v++;
      g.addEdge(String(u), String(v), { weight: 1 });
    });
    return g;
  }
  // Batagelj–Brandes: walk the lower triangle (v, w), w < v, row by row.
  if (p <= 0 || n < 2) return g;
  const lr = p >= 1 ? 0 : Math.log(1 - p);
  let v = 1;
  let w = -1;
  while (v < n) {
    w += p >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng.next()) / lr);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) g.addEdge(String(v), String(w), { weight: 1 });
  }
  return g;
}

export type GnmParams = { n: number; m: number; seed: number; directed?: boolean };

/** Erdős–Rényi G(n, m): m distinct edges chosen uniformly. */
export function erdosRenyiGnm({ n, m, seed, directed = false }: GnmParams): QuireGraph {
  checkInt('n', n, 0);
  checkInt('m', m, 0);
  const max = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  if (m > max) fail(`G(n,m): m = ${m} exceeds the ${max} possible edges of ${n} nodes`);
  const rng = createRng(seed);
  const g = withNodes(n, directed);
  while (g.size < m) {
    const u = rng.int(n);
    const v = rng.int(n);
    if (u === v) continue;
    const a = String(u);
    const b = String(v);
    if (!g.hasEdge(a, b)) g.addEdge(a, b, { weight: 1 });
  }
  return g;
}

export type BarabasiAlbertParams = { n: number; m: number; seed: number };

/** Barabási–Albert preferential attachment: n nodes, each new node brings m edges. */
export function barabasiAlbert({ n, m, seed }: BarabasiAlbertParams): QuireGraph {
  checkInt('m', m, 1);
  checkInt('n', n, m + 1);
  const rng = createRng(seed);
  const g = withNodes(n);
  // Star on nodes 0..m (node 0 the hub), as networkx's default initial graph.
  const ends: number[] = [];
  for (let i = 1; i <= m; i++) {
    g.addEdge('0', String(i), { weight: 1 });
    ends.push(0, i);
  }
  const chosen = new Set<number>();
  for (let source = m + 1; source < n; source++) {
    chosen.clear();
    while (chosen.size < m) chosen.add(ends[rng.int(ends.length)]!);
    for (const t of chosen) {
      g.addEdge(String(source), String(t), { weight: 1 });
      ends.push(source, t);
    }
  }
  return g;
}

export type WattsStrogatzParams = { n: number; k: number; p: number; seed: number };

/** Watts–Strogatz: ring lattice of degree k (even), each edge rewired with probability p. */
export function wattsStrogatz({ n, k, p, seed }: WattsStrogatzParams): QuireGraph {
  checkInt('n', n, 1);
  checkInt('k', k, 0);
  checkProb('p', p);
  if (k % 2 !== 0) fail(`Watts–Strogatz: k must be even, got ${k}`);
  if (k >= n) fail(`Watts–Strogatz: k (${k}) must be smaller than n (${n})`);
  const rng = createRng(seed);
  const g = withNodes(n);
  const half = k / 2;
  for (let j = 1; j <= half; j++)
    for (let u = 0; u < n; u++) g.mergeEdge(String(u), String((u + j) % n), { weight: 1 });
  for (let j = 1; j <= half; j++) {
    for (let u = 0; u < n; u++) {
      if (rng.next() >= p) continue;
      const a = String(u);
      const b = String((u + j) % n);
      if (g.degree(a) >= n - 1) continue; // nowhere to go
      let w: string;
      do w = String(rng.int(n));
      while (w === a || g.hasEdge(a, w));
      g.dropEdge(a, b);
      g.addEdge(a, w, { weight: 1 });
    }
  }
  return g;
}

export type SbmParams = {
  /** Block sizes; nodes are numbered block by block. */
  sizes: readonly number[];
  /** Symmetric matrix of edge probabilities between blocks. */
  p: ReadonlyArray<readonly number[]>;
  seed: number;
};

/** Stochastic block model: node attribute 'block' is the block index. */
export function stochasticBlockModel({ sizes, p, seed }: SbmParams): QuireGraph {
  const B = sizes.length;
  if (B === 0) fail('stochastic block model: sizes is empty');
  sizes.forEach((s, i) => checkInt(`sizes[${i}]`, s, 0));
  if (p.length !== B || p.some((row) => row.length !== B))
    fail(`stochastic block model: p must be a ${B}×${B} matrix`);
  for (let a = 0; a < B; a++)
    for (let b = 0; b < B; b++) {
      checkProb(`p[${a}][${b}]`, p[a]![b]!);
      if (p[a]![b] !== p[b]![a])
        fail(`stochastic block model: p must be symmetric (p[${a}][${b}] ≠ p[${b}][${a}])`);
    }
  const rng = createRng(seed);
  const starts: number[] = [];
  let n = 0;
  for (const s of sizes) {
    starts.push(n);
    n += s;
  }
  const g = withNodes(n);
  sizes.forEach((s, b) => {
    for (let i = 0; i < s; i++) g.setNodeAttribute(String(starts[b]! + i), 'block', b);
  });
  for (let a = 0; a < B; a++) {
    const sa = sizes[a]!;
    const oa = starts[a]!;
    // Within block a: pairs (i, j), j < i, enumerated as row-major lower triangle.
    skipSample((sa * (sa - 1)) / 2, p[a]![a]!, rng, (k) => {
      const i = Math.floor((1 + Math.sqrt(1 + 8 * k)) / 2);
      let ii = i;
      while ((ii * (ii - 1)) / 2 > k) ii--;
      while (((ii + 1) * ii) / 2 <= k) ii++;
      const j = k - (ii * (ii - 1)) / 2;
      g.addEdge(String(oa + ii), String(oa + j), { weight: 1 });
    });
    for (let b = a + 1; b < B; b++) {
      const sb = sizes[b]!;
      const ob = starts[b]!;
      skipSample(sa * sb, p[a]![b]!, rng, (k) =>
        g.addEdge(String(oa + Math.floor(k / sb)), String(ob + (k % sb)), { weight: 1 }),
      );
    }
  }
  return g;
}

const KARATE_EDGES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 1, 4],
  [0, 2, 5],
  [0, 3, 3],
  [0, 4, 3],
  [0, 5, 3],
  [0, 6, 3],
  [0, 7, 2],
  [0, 8, 2],
  [0, 10, 2],
  [0, 11, 3],
  [0, 12, 1],
  [0, 13, 3],
  [0, 17, 2],
  [0, 19, 2],
  [0, 21, 2],
  [0, 31, 2],
  [1, 2, 6],
  [1, 3, 3],
  [1, 7, 4],
  [1, 13, 5],
  [1, 17, 1],
  [1, 19, 2],
  [1, 21, 2],
  [1, 30, 2],
  [2, 3, 3],
  [2, 7, 4],
  [2, 8, 5],
  [2, 9, 1],
  [2, 13, 3],
  [2, 27, 2],
  [2, 28, 2],
  [2, 32, 2],
  [3, 7, 3],
  [3, 12, 3],
  [3, 13, 3],
  [4, 6, 2],
  [4, 10, 3],
  [5, 6, 5],
  [5, 10, 3],
  [5, 16, 3],
  [6, 16, 3],
  [8, 30, 3],
  [8, 32, 3],
  [8, 33, 4],
  [9, 33, 2],
  [13, 33, 3],
  [14, 32, 3],
  [14, 33, 2],
  [15, 32, 3],
  [15, 33, 4],
  [18, 32, 1],
  [18, 33, 2],
  [19, 33, 1],
  [20, 32, 3],
  [20, 33, 1],
  [22, 32, 2],
  [22, 33, 3],
  [23, 25, 5],
  [23, 27, 4],
  [23, 29, 3],
  [23, 32, 5],
  [23, 33, 4],
  [24, 25, 2],
  [24, 27, 3],
  [24, 31, 2],
  [25, 31, 7],
  [26, 29, 4],
  [26, 33, 2],
  [27, 33, 4],
  [28, 31, 2],
  [28, 33, 2],
  [29, 32, 4],
  [29, 33, 2],
  [30, 32, 3],
  [30, 33, 3],
  [31, 32, 4],
  [31, 33, 4],
  [32, 33, 5],
];
const KARATE_MR_HI = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21]);

/** Zachary's karate club: 34 nodes, 78 edges weighted by interaction count (networkx's data). */
export function karateClub(): QuireGraph {
  const g = withNodes(34);
  for (let i = 0; i < 34; i++)
    g.setNodeAttribute(String(i), 'club', KARATE_MR_HI.has(i) ? 'Mr. Hi' : 'Officer');
  for (const [a, b, w] of KARATE_EDGES) g.addEdge(String(a), String(b), { weight: w });
  return g;
}
