// Graph handlers: the service side of the graph methods of the API contract
// (shared/api/graph-contract.ts) over this engine. Pure (no Node APIs), so any host can mount them:
// `const handlers: Handlers = { …, ...createGraphHandlers({ compute }) }`. Engine errors ("graph: …")
// become `invalid_input`; cancellation becomes `cancelled`. Every method goes through `compute`:
// the services pass a worker-thread runner (electron/services/compute) with a time and memory
// limit, progress and cancel, so a 1M-edge graph (or a G(n, p) with billions of edges) cannot freeze
// the other calls or exhaust the host's memory; without one (pure tests, a browser) they run inline
// through `runGraphOp`, which is also what the worker runs.
import type { CallContext, Handlers, OutputOf, ParsedInputOf } from '../api/contract';
import { QuireError } from '../api/errors';
import type { GraphMethodName, GraphSource } from '../api/graph-contract';
import { buildGraph } from './build';
import type { QuireGraph } from './build';
import {
  giantComponentSweepSliced,
  robustnessSweepSliced,
  type ExperimentContext,
} from './experiments';
import {
  barabasiAlbert,
  erdosRenyiGnm,
  erdosRenyiGnp,
  karateClub,
  stochasticBlockModel,
  wattsStrogatz,
} from './generators';
import { computeMetrics } from './metrics';
import { fitPowerLaw } from './powerlaw';
import { cooccurrenceGraph } from './similarity';

/** Builds the graph a contract `GraphSource` describes. */
export function graphFromSource(src: GraphSource): QuireGraph {
  switch (src.kind) {
    case 'edges':
      return buildGraph(
        { edges: src.edges, ...(src.nodes ? { nodes: src.nodes } : {}) },
        { directed: src.directed, weighted: true, allowSelfLoops: src.allowSelfLoops },
      );
    case 'gnp':
      return erdosRenyiGnp(src);
    case 'gnm':
      return erdosRenyiGnm(src);
    case 'barabasi-albert':
      return barabasiAlbert(src);
    case 'watts-strogatz':
      return wattsStrogatz(src);
    case 'sbm':
      return stochasticBlockModel(src);
    case 'karate':
      return karateClub();
    case 'cooccurrence':
      return cooccurrenceGraph(src.items, { minWeight: src.minWeight, minCount: src.minCount });
  }
}

function toInputError(err: unknown): never {
  if (err instanceof Error && err.message.startsWith('graph:'))
    throw new QuireError('invalid_input', err.message);
  throw err;
}

/** The graph calls heavy enough to run away from the services thread. */
export type GraphOp = 'graph:metrics' | 'graph:powerlaw' | 'graph:experiment';

/** Runs a graph op somewhere (a worker with limits); resolves with its result, throws its error. */
export type GraphCompute = <K extends GraphOp>(
  op: K,
  input: ParsedInputOf<K>,
  ctx: CallContext,
) => Promise<OutputOf<K>>;

/** The work of one graph op, on the calling thread (the compute worker calls this). */
export async function runGraphOp<K extends GraphOp>(
  op: K,
  input: ParsedInputOf<K>,
  ctx: ExperimentContext = {},
): Promise<OutputOf<K>> {
  if (op === 'graph:metrics') {
    const i = input as ParsedInputOf<'graph:metrics'>;
    return computeMetrics(graphFromSource(i.graph), {
      metrics: i.metrics,
      weighted: i.weighted,
      seed: i.seed,
      louvainRuns: i.louvainRuns,
      // A job: which group is under way (distances and betweenness take minutes on large graphs).
      onGroup: (group, done, total) =>
        ctx.onProgress?.({ phase: 'metrics', done, total, message: group }),
    }) as OutputOf<K>;
  }
  if (op === 'graph:powerlaw') {
    const i = input as ParsedInputOf<'graph:powerlaw'>;
    return fitPowerLaw(i.data, i.xmin === undefined ? {} : { xmin: i.xmin }) as OutputOf<K>;
  }
  // Sweeps run in time slices (experiments.ts `…Sliced`): progress between slices, and on a
  // shared thread (no compute worker) the other calls are answered meanwhile.
  const i = input as ParsedInputOf<'graph:experiment'>;
  if (i.kind === 'giant-component') return (await giantComponentSweepSliced(i, ctx)) as OutputOf<K>;
  return (await robustnessSweepSliced(
    { ...i, graph: graphFromSource(i.graph) },
    ctx,
  )) as OutputOf<K>;
}

const inline: GraphCompute = (op, input, ctx) =>
  runGraphOp(op, input, { signal: ctx.signal, onProgress: ctx.onProgress });

export function createGraphHandlers(
  opts: { compute?: GraphCompute } = {},
): Pick<Handlers, GraphMethodName> {
  const compute = opts.compute ?? inline;
  return {
    'graph:metrics': (input, ctx) => compute('graph:metrics', input, ctx).catch(toInputError),
    'graph:powerlaw': (input, ctx) => compute('graph:powerlaw', input, ctx).catch(toInputError),
    'graph:experiment': (input, ctx) => compute('graph:experiment', input, ctx).catch(toInputError),
  };
}
