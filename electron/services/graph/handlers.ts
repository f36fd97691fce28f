// Graph handlers: the service side of the graph methods of the API contract
// (shared/api/graph-contract.ts) over the engine's operations (shared/graph/ops.ts). Mounted by
// createServices as `...createGraphHandlers({ compute })`. Every method goes through `compute`: the
// services pass a worker-thread runner (./compute.ts) with a time and memory limit, progress and
// cancel, so a 1M-edge graph (or a G(n, p) with billions of edges) cannot freeze the other calls
// or exhaust the host's memory; without one (tests) they run inline through `runGraphOp`. Errors
// pass through with their code: the engine's are GraphErrors (`invalid_input`), the worker keeps a
// QuireError's code across the thread, and cancellation is `cancelled`.
import type { CallContext, Handlers, OutputOf, ParsedInputOf } from '@shared/api/contract';
import type { GraphMethodName } from '@shared/api/graph-contract';
import { runGraphOp, type GraphOp } from '@shared/graph/ops';

export type { GraphOp };

/** Runs a graph op somewhere (a worker with limits); resolves with its result, throws its error. */
export type GraphCompute = <K extends GraphOp>(
  op: K,
  input: ParsedInputOf<K>,
  ctx: CallContext,
) => Promise<OutputOf<K>>;

const inline: GraphCompute = (op, input, ctx) =>
  runGraphOp(op, input, { signal: ctx.signal, onProgress: ctx.onProgress });

export function createGraphHandlers(
  opts: { compute?: GraphCompute } = {},
): Pick<Handlers, GraphMethodName> {
  const compute = opts.compute ?? inline;
  return {
    'graph:metrics': (input, ctx) => compute('graph:metrics', input, ctx),
    'graph:powerlaw': (input, ctx) => compute('graph:powerlaw', input, ctx),
    'graph:experiment': (input, ctx) => compute('graph:experiment', input, ctx),
  };
}
