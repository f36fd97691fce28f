// Timing and recall helpers shared by the latency benchmarks: percentiles, a warmed-up timer, and
// ANN recall@k against exact search on a VectorStore.
import type { VectorStore } from '../../electron/services/embedding/vector-store';

export const r1 = (x: number): number => Math.round(x * 100) / 100;

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return r1(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!);
}

export const stats = (xs: number[]) => ({
  p50: pct(xs, 50),
  p95: pct(xs, 95),
  mean: r1(xs.reduce((a, b) => a + b, 0) / xs.length),
});

/**
 * Waits for what a newly opened library's first list and query set going (the text filter's word
 * index, search's library terms) to run to its end: ~0.2 ms a paper on this machine, given room.
 */
export const settleAfterOpening = (papers: number): Promise<void> =>
  new Promise((done) => setTimeout(done, Math.max(10_000, papers * 0.2)));

/** Runs `fn` on the first `warmup` items untimed, then times it on every item. */
export async function timeEach<T>(
  items: T[],
  fn: (x: T) => Promise<unknown>,
  warmup = 5,
): Promise<number[]> {
  for (const x of items.slice(0, warmup)) await fn(x);
  const out: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await fn(x);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Recall@k of the ANN index against exact search, and both speeds, over the query vectors. */
export async function annStats(
  vs: VectorStore,
  qvecs: Float32Array[],
  opts: { nprobes?: number; k?: number; warmup?: number } = {},
) {
  const { k = 10, warmup = 5 } = opts;
  let hits = 0;
  const exactMs: number[] = [];
  const annMs: number[] = [];
  // Interleaved per query, so drift in machine load affects both alike.
  for (const v of qvecs.slice(0, warmup)) {
    await vs.search(v, k, { exact: true });
    await vs.search(v, k, opts);
  }
  for (const v of qvecs) {
    let t0 = performance.now();
    const exact = await vs.search(v, k, { exact: true });
    exactMs.push(performance.now() - t0);
    t0 = performance.now();
    const ann = await vs.search(v, k, opts);
    annMs.push(performance.now() - t0);
    const truth = new Set(exact.map((h) => h.id));
    hits += ann.filter((h) => truth.has(h.id)).length;
  }
  const exact = stats(exactMs);
  const ann = stats(annMs);
  return {
    recallAt10: Math.round((hits / (qvecs.length * k)) * 1e4) / 1e4,
    exactMs: exact,
    annMs: ann,
    speedup: r1(exact.p50 / ann.p50),
  };
}
