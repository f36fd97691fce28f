// Graph handlers: the service side of the graph methods of the API contract
// (shared/api/graph-contract.ts) over this engine. Pure (no Node APIs), so any host can mount them:
// `const handlers: Handlers = { …, ...createGraphHandlers() }`. Engine errors ("graph: …") become
// `invalid_input`; cancellation becomes `cancelled`. The work runs on the calling thread.
import type { CallContext, Handlers } from '../api/contract';
import { QuireError } from '../api/errors';
import type { GraphMethodName, GraphSource } from '../api/graph-contract';
import { buildGraph } from './build';
import type { QuireGraph } from './build';
import { giantComponentSweep, robustnessSweep } from './experiments';
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

function asInputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('graph:'))
      throw new QuireError('invalid_input', err.message);
    throw err;
  }
}

export function createGraphHandlers(): Pick<Handlers, GraphMethodName> {
  return {
    'graph:metrics': async (input) =>
      asInputError(() =>
        computeMetrics(graphFromSource(input.graph), {
          metrics: input.metrics,
          weighted: input.weighted,
          seed: input.seed,
          louvainRuns: input.louvainRuns,
        }),
      ),
    'graph:powerlaw': async (input) =>
      asInputError(() =>
        fitPowerLaw(input.data, input.xmin === undefined ? {} : { xmin: input.xmin }),
      ),
    'graph:experiment': async (input, ctx: CallContext) =>
      asInputError(() => {
        const c = { signal: ctx.signal, onProgress: ctx.onProgress };
        if (input.kind === 'giant-component') return giantComponentSweep(input, c);
        return robustnessSweep({ ...input, graph: graphFromSource(input.graph) }, c);
      }),
  };
}
