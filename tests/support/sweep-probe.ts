// Probe of the services' responsiveness during a `graph:experiment` sweep: polls `library:list`
// every 50 ms while the sweep runs, cancels it after `sweepMs`, and returns what happened. Shared by
// electron/services/graph/experiment-responsiveness.test.ts (which asserts order and outcome only)
// and bench/graph/responsiveness.ts (which reports the latencies).
import type { Progress } from '@shared/api/contract';
import type { Dispatch } from '@shared/api/dispatcher';

export type SweepProbe = {
  /** Latency (ms) of each library:list answered after the sweep's first progress and before it ended. */
  latencies: number[];
  /** library:list calls that returned ok while the sweep was still running. */
  answeredDuringSweep: number;
  progress: Progress[];
  /** Progress events that arrived after the sweep's result. */
  progressAfterEnd: number;
  cancelMs: number;
  code: string | undefined;
};

/**
 * Runs the sweep and cancels it after `sweepMs`, or as soon as `enough` says what was seen suffices
 * (the test's way: it waits for events, not for a time that a loaded machine may not fill).
 */
export async function probeSweep(
  dispatch: Dispatch,
  input: unknown,
  sweepMs: number,
  enough?: (seen: { progress: number; answered: number }) => boolean,
): Promise<SweepProbe> {
  const ac = new AbortController();
  const progress: Progress[] = [];
  let ended = false;
  let progressAfterEnd = 0;
  const job = dispatch('graph:experiment', input, {
    signal: ac.signal,
    onProgress: (p) => {
      if (ended) progressAfterEnd++;
      progress.push(p);
    },
  });
  let cancelAt = 0;
  const timer = setTimeout(() => {
    cancelAt = performance.now();
    ac.abort();
  }, sweepMs);
  const result = job.then((r) => {
    ended = true;
    return { r, at: performance.now() };
  });
  const latencies: number[] = [];
  let answeredDuringSweep = 0;
  while (!ended) {
    const t0 = performance.now();
    const r = await dispatch('library:list', {}, {});
    const dt = performance.now() - t0;
    if (r.ok && !ended && progress.length > 0) {
      answeredDuringSweep++;
      latencies.push(dt);
    }
    if (
      !ac.signal.aborted &&
      enough?.({ progress: progress.length, answered: answeredDuringSweep })
    ) {
      cancelAt = performance.now();
      ac.abort();
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  clearTimeout(timer);
  const { r, at } = await result;
  // Anything still queued behind the result would show up now.
  await new Promise((res) => setTimeout(res, 100));
  return {
    latencies,
    answeredDuringSweep,
    progress,
    progressAfterEnd,
    cancelMs: at - cancelAt,
    code: r.ok ? undefined : r.error.code,
  };
}

/** The two sweeps both the test and the bench run. */
export const SWEEPS = {
  giantComponent: {
    // ~10–30 ms per G(n, p) at n = 1500; far more steps than fit in the sweep time, so it is cancelled.
    kind: 'giant-component',
    n: 1500,
    meanDegrees: Array.from({ length: 1000 }, (_, i) => (i % 50) / 10),
    repeats: 1000,
    seed: 1,
  },
  robustness: {
    kind: 'robustness',
    graph: { kind: 'barabasi-albert', n: 50_000, m: 2, seed: 3 },
    steps: 100,
    repeats: 1000,
    seed: 1,
  },
} as const;
