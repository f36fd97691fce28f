// The operations the compute worker runs: the heavy one-shot graph calls and fits. Each takes and
// returns structured-clone-able values; the worker (./compute-worker.ts) calls `runOp`.
import type { OutputOf, ParsedInputOf, Progress } from '@shared/api/contract';
import type { FitData, FitOptions } from '@shared/fit/index';
import type { GraphOp } from '@shared/graph/ops';
import type { LibraryGraphCore, LibraryGraphCoreInput } from '../graph/library-graph';

export type FitArgs = [model: string, data: FitData, options?: Partial<FitOptions>];

export type ComputeOps = {
  'graph:metrics': { input: ParsedInputOf<'graph:metrics'>; output: OutputOf<'graph:metrics'> };
  'graph:powerlaw': { input: ParsedInputOf<'graph:powerlaw'>; output: OutputOf<'graph:powerlaw'> };
  'graph:experiment': {
    input: ParsedInputOf<'graph:experiment'>;
    output: OutputOf<'graph:experiment'>;
  };
  /** The library's kNN similarity graph with its metrics (titles are added by the caller). */
  'graph:library': { input: LibraryGraphCoreInput; output: LibraryGraphCore };
  /** A shared/fit fit, as plain JSON (no functions, no typed arrays): what a notebook cell gets. */
  fit: { input: FitArgs; output: unknown };
  /** Loads an engine ahead of its first call (a warm worker answers a cell's first fit at once). */
  preload: { input: 'fit' | 'graph'; output: null };
};
export type ComputeOp = keyof ComputeOps;

/**
 * Engines are imported on first use: a worker that only fits never loads graphology, one that only
 * computes graphs never loads mathjs (measured under tsx on a loaded 2-core machine: ~5 s to start
 * a worker importing both eagerly).
 */
export async function runOp<K extends ComputeOp>(
  op: K,
  input: ComputeOps[K]['input'],
  onProgress: (p: Progress) => void = () => {},
): Promise<unknown> {
  if (op === 'preload') {
    await (input === 'fit' ? import('@shared/fit/index') : import('@shared/graph/ops'));
    return null;
  }
  if (op === 'fit') {
    const [model, data, options] = input as FitArgs;
    if (typeof model !== 'string')
      throw new Error('fit: the model must be a preset name or a formula');
    const { fit } = await import('@shared/fit/index');
    const result = fit(model, data, options ?? {}, {
      onBootstrap: (done, total) => onProgress({ phase: 'bootstrap', done, total }),
    });
    return JSON.parse(JSON.stringify(result));
  }
  if (op === 'graph:library') {
    const { libraryGraphCore } = await import('../graph/library-graph');
    return libraryGraphCore(input as LibraryGraphCoreInput, onProgress);
  }
  const { runGraphOp } = await import('@shared/graph/ops');
  return runGraphOp(op as GraphOp, input as ParsedInputOf<GraphOp>, { onProgress });
}
