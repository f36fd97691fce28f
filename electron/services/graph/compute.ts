// Where the services run `graph:metrics`, `graph:powerlaw` and `graph:library`'s kNN and metrics: the compute worker
// (electron/services/compute) with generous, configurable limits, so a huge graph ends its own call
// with "graph: the graph is too large…" instead of freezing every other caller or the host.
import type { Progress } from '@shared/api/contract';
import type { GraphCompute } from './handlers';
import { runCompute, type ComputeLimits, type LimitMessages } from '../compute/runner';
import type { LibraryGraphCore, LibraryGraphCoreInput } from './library-graph';

/** Defaults: a 1M-edge Barabási–Albert graph needs ~3.3 GB and ~3 min (bench/compute). */
export const GRAPH_LIMITS: ComputeLimits = { timeoutMs: 10 * 60_000, memoryMb: 4096 };

/** `QUIRE_GRAPH_TIMEOUT_MS` and `QUIRE_GRAPH_MEMORY_MB` override the defaults. */
export function graphLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ComputeLimits {
  const num = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    timeoutMs: num(env.QUIRE_GRAPH_TIMEOUT_MS, GRAPH_LIMITS.timeoutMs),
    memoryMb: num(env.QUIRE_GRAPH_MEMORY_MB, GRAPH_LIMITS.memoryMb),
  };
}

/** A graph over a limit is an input the host cannot compute: `invalid_input`, with the way out. */
export const GRAPH_LIMIT_MESSAGES: LimitMessages = {
  code: 'invalid_input',
  memory: (mb) =>
    `graph: the graph is too large for the memory limit (${mb} MB); use a smaller graph or raise QUIRE_GRAPH_MEMORY_MB`,
  timeout: (ms) =>
    `graph: stopped after ${Math.round(ms / 1000)} s, the time limit for graph computations; use a smaller graph or raise QUIRE_GRAPH_TIMEOUT_MS`,
};

/** Sweeps are jobs with progress and cancel: only the memory limit applies to them in practice. */
const EXPERIMENT_TIMEOUT_MS = 24 * 3_600_000;

export function createGraphCompute(limits: ComputeLimits = graphLimitsFromEnv()): GraphCompute {
  return (op, input, ctx) =>
    runCompute(
      op,
      input as never,
      op === 'graph:experiment'
        ? { ...limits, timeoutMs: Math.max(limits.timeoutMs, EXPERIMENT_TIMEOUT_MS) }
        : limits,
      GRAPH_LIMIT_MESSAGES,
      { signal: ctx.signal, onProgress: ctx.onProgress },
    ) as never;
}

/**
 * `graph:library`'s kNN search and metrics in the compute worker (the vectors are copied there),
 * with its progress forwarded; the signal terminates the worker (runner.ts), so a cancelled graph
 * stops computing at once instead of finishing unseen.
 */
export function createLibraryGraphCompute(
  limits: ComputeLimits = graphLimitsFromEnv(),
): (
  input: LibraryGraphCoreInput,
  ctx: { signal?: AbortSignal; onProgress?: (p: Progress) => void },
) => Promise<LibraryGraphCore> {
  return (input, ctx) => runCompute('graph:library', input, limits, GRAPH_LIMIT_MESSAGES, ctx);
}
