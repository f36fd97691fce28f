// The operations the compute worker runs: the heavy one-shot graph calls and fits. Each takes and
// returns structured-clone-able values; the worker (./compute-worker.ts) calls `runOp`.
import type { OutputOf, ParsedInputOf } from '../../../shared/api/contract';
import { fit, type FitData, type FitOptions } from '../../../shared/fit/index';
import { runGraphOp, type GraphOp } from '../../../shared/graph/handlers';

export type FitArgs = [model: string, data: FitData, options?: Partial<FitOptions>];

export type ComputeOps = {
  'graph:metrics': { input: ParsedInputOf<'graph:metrics'>; output: OutputOf<'graph:metrics'> };
  'graph:powerlaw': { input: ParsedInputOf<'graph:powerlaw'>; output: OutputOf<'graph:powerlaw'> };
  /** A shared/fit fit, as plain JSON (no functions, no typed arrays): what a notebook cell gets. */
  fit: { input: FitArgs; output: unknown };
};
export type ComputeOp = keyof ComputeOps;

export function runOp<K extends ComputeOp>(op: K, input: ComputeOps[K]['input']): unknown {
  if (op === 'fit') {
    const [model, data, options] = input as FitArgs;
    if (typeof model !== 'string')
      throw new Error('fit: the model must be a preset name or a formula');
    return JSON.parse(JSON.stringify(fit(model, data, options ?? {})));
  }
  return runGraphOp(op as GraphOp, input as ParsedInputOf<GraphOp>);
}
