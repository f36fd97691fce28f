// Graph experiments: parameter sweeps that return tables. (1) The giant component of G(n, p)
// against the mean degree c = p(n − 1), with the mean-field prediction S = 1 − e^(−cS) (Erdős &
// Rényi 1960; Newman 2010, "Networks", §11.5). (2) Robustness to node removal, random failures
// against targeted attacks on the highest-degree nodes first (Albert, Jeong & Barabási 2000,
// "Error and attack tolerance of complex networks"), with the removal order fixed up front
// (initial degrees; ties in node order) and the giant component tracked by adding the nodes back
// in reverse through union–find (Newman & Ziff 2001), so a whole curve costs O(m α(n)).
// Pure functions `(params, {signal, onProgress}) => Table`: they check the signal between steps
// and report progress as they go. Each sweep is written once as a generator of steps (one G(n, p)
// per step; n/100 nodes re-added per step of a robustness curve); `…Sweep` runs the steps at once,
// `…SweepSliced` runs them in time slices, yielding to the event loop between slices so the host
// thread keeps answering other calls during a long sweep (see `runSliced`).
import { throwIfCancelled } from '../api/errors';
import { toCsr } from './build';
import type { QuireGraph } from './build';
import { erdosRenyiGnp } from './generators';
import { createRng } from './rng';
import { graphFail as fail } from './errors';

export type Table = { columns: string[]; rows: number[][] };
export type ExperimentProgress = {
  phase: string;
  done: number;
  total: number | null;
  message?: string;
};
export type ExperimentContext = {
  signal?: AbortSignal;
  onProgress?: (p: ExperimentProgress) => void;
};

/** A sweep as resumable steps: yields between units of work, returns the table. */
type Steps = Generator<void, Table, void>;

function runAll(steps: Steps): Table {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** setImmediate where the host has it (Node), else a 0 ms timer (browsers). */
function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve)));
}

/**
 * Runs steps in slices of about `sliceMs`, yielding to the event loop between slices: other calls
 * and the cancel signal are served within a slice plus one step. Always yields once before the first
 * step, so even a short sweep lets pending work through.
 */
async function runSliced(steps: Steps, sliceMs: number): Promise<Table> {
  await yieldToEventLoop();
  let start = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - start >= sliceMs) {
      await yieldToEventLoop();
      start = Date.now();
    }
  }
}

/** Default time slice of the sliced sweeps, ms. */
export const SWEEP_SLICE_MS = 15;

/** Union–find with path halving and union by size; tracks the largest set. */
class Components {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  largest = 0;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    if (this.size[ra]! > this.largest) this.largest = this.size[ra]!;
  }
  touch(): void {
    if (this.largest < 1) this.largest = 1;
  }
}

/** Largest connected (weakly, if directed) component size of a graph. */
export function giantComponentSize(g: QuireGraph): number {
  const c = toCsr(g);
  if (c.n === 0) return 0;
  const uf = new Components(c.n);
  uf.touch();
  for (let v = 0; v < c.n; v++)
    for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++) uf.union(v, c.outTargets[p]!);
  return uf.largest;
}

/** Mean-field giant-component fraction of G(n, p) at mean degree c: the root of S = 1 − e^(−cS). */
export function giantFractionTheory(c: number): number {
  if (c <= 1) return 0;
  let s = 1;
  for (let i = 0; i < 10000; i++) {
    const next = 1 - Math.exp(-c * s);
    if (Math.abs(next - s) < 1e-15) return next;
    s = next;
  }
  return s;
}

export type GiantComponentParams = {
  n: number;
  /** Mean degrees c to visit (p = c / (n − 1)). */
  meanDegrees: readonly number[];
  /** Graphs per point. */
  repeats: number;
  seed: number;
};

/** Giant-component fraction of G(n, p) vs mean degree: mean and standard deviation over repeats. */
export function giantComponentSweep(
  params: GiantComponentParams,
  ctx: ExperimentContext = {},
): Table {
  return runAll(giantComponentSteps(params, ctx));
}

/** `giantComponentSweep` in time slices (one graph per step), yielding to the event loop between. */
export function giantComponentSweepSliced(
  params: GiantComponentParams,
  ctx: ExperimentContext = {},
  sliceMs = SWEEP_SLICE_MS,
): Promise<Table> {
  return runSliced(giantComponentSteps(params, ctx), sliceMs);
}

function* giantComponentSteps(params: GiantComponentParams, ctx: ExperimentContext): Steps {
  const { n, meanDegrees, repeats, seed } = params;
  if (!Number.isInteger(n) || n < 2)
    fail(`giant component sweep: n must be an integer ≥ 2, got ${n}`);
  if (!Number.isInteger(repeats) || repeats < 1)
    fail(`giant component sweep: repeats must be ≥ 1, got ${repeats}`);
  if (meanDegrees.length === 0) fail('giant component sweep: meanDegrees is empty');
  for (const c of meanDegrees)
    if (!(c >= 0 && c <= n - 1))
      fail(`giant component sweep: mean degree ${c} is outside [0, n − 1]`);
  const total = meanDegrees.length * repeats;
  const rows: number[][] = [];
  let done = 0;
  for (let i = 0; i < meanDegrees.length; i++) {
    const c = meanDegrees[i]!;
    const p = c / (n - 1);
    const fr: number[] = [];
    for (let r = 0; r < repeats; r++) {
      throwIfCancelled(ctx.signal);
      const g = erdosRenyiGnp({ n, p, seed: seed + i * repeats + r });
      fr.push(giantComponentSize(g) / n);
      ctx.onProgress?.({ phase: 'giant-component', done: ++done, total, message: `c = ${c}` });
      yield;
    }
    const mean = fr.reduce((a, b) => a + b, 0) / repeats;
    const sd =
      repeats > 1 ? Math.sqrt(fr.reduce((a, b) => a + (b - mean) ** 2, 0) / (repeats - 1)) : 0;
    rows.push([c, p, mean, sd, giantFractionTheory(c)]);
  }
  return { columns: ['mean_degree', 'p', 'giant_fraction', 'giant_fraction_sd', 'theory'], rows };
}

export type RobustnessParams = {
  graph: QuireGraph;
  /** Number of intervals of the removed fraction: rows at 0, 1/steps, …, 1. */
  steps: number;
  /** Random-removal orders averaged. */
  repeats: number;
  seed: number;
};

/** Giant component left after removing each node prefix of `order` (index r = r nodes removed). */
function* giantAfterRemoval(
  c: ReturnType<typeof toCsr>,
  order: Int32Array,
  ctx: ExperimentContext,
  phase: string,
): Generator<void, Int32Array, void> {
  const n = c.n;
  const out = new Int32Array(n + 1);
  const present = new Uint8Array(n);
  const uf = new Components(n);
  const chunk = Math.max(1, Math.floor(n / 100));
  for (let r = n - 1; r >= 0; r--) {
    const v = order[r]!;
    present[v] = 1;
    uf.touch();
    for (let p = c.outOffsets[v]!; p < c.outOffsets[v + 1]!; p++)
      if (present[c.outTargets[p]!]) uf.union(v, c.outTargets[p]!);
    if (c.directed)
      for (let p = c.inOffsets[v]!; p < c.inOffsets[v + 1]!; p++)
        if (present[c.inTargets[p]!]) uf.union(v, c.inTargets[p]!);
    out[r] = uf.largest;
    if ((n - r) % chunk === 0) {
      throwIfCancelled(ctx.signal);
      ctx.onProgress?.({ phase, done: n - r, total: n });
      yield;
    }
  }
  return out;
}

/** Robustness curve: giant-component fraction vs fraction of nodes removed, random vs targeted. */
export function robustnessSweep(params: RobustnessParams, ctx: ExperimentContext = {}): Table {
  return runAll(robustnessSteps(params, ctx));
}

/** `robustnessSweep` in time slices (n/100 nodes per step), yielding to the event loop between. */
export function robustnessSweepSliced(
  params: RobustnessParams,
  ctx: ExperimentContext = {},
  sliceMs = SWEEP_SLICE_MS,
): Promise<Table> {
  return runSliced(robustnessSteps(params, ctx), sliceMs);
}

function* robustnessSteps(params: RobustnessParams, ctx: ExperimentContext): Steps {
  const { graph, steps, repeats, seed } = params;
  if (!Number.isInteger(steps) || steps < 1)
    fail(`robustness: steps must be an integer ≥ 1, got ${steps}`);
  if (!Number.isInteger(repeats) || repeats < 1)
    fail(`robustness: repeats must be ≥ 1, got ${repeats}`);
  const c = toCsr(graph);
  const n = c.n;
  if (n === 0) fail('robustness: the graph has no nodes');
  const deg = new Int32Array(n);
  for (let v = 0; v < n; v++)
    deg[v] =
      c.outOffsets[v + 1]! -
      c.outOffsets[v]! +
      (c.directed ? c.inOffsets[v + 1]! - c.inOffsets[v]! : 0);
  const targetedOrder = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => deg[b]! - deg[a]! || a - b,
  );
  const targeted = yield* giantAfterRemoval(c, targetedOrder, ctx, 'targeted');
  const rng = createRng(seed);
  const random = new Float64Array(n + 1);
  for (let rep = 0; rep < repeats; rep++) {
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const g = yield* giantAfterRemoval(c, order, ctx, `random ${rep + 1}/${repeats}`);
    for (let r = 0; r <= n; r++) random[r]! += g[r]! / repeats;
  }
  const rows: number[][] = [];
  for (let s = 0; s <= steps; s++) {
    const f = s / steps;
    const r = Math.round(f * n);
    rows.push([f, r, random[r]! / n, targeted[r]! / n]);
  }
  return {
    columns: [
      'fraction_removed',
      'nodes_removed',
      'giant_fraction_random',
      'giant_fraction_targeted',
    ],
    rows,
  };
}
