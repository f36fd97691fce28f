// Graph handlers: the service side of the graph methods of the API contract
// (shared/api/graph-contract.ts) over this engine. Pure (no Node APIs), so any host can mount them:
// `const handlers: Handlers = { …, ...createGraphHandlers() }`. Engine errors ("graph: …") become
// `invalid_input`; cancellation becomes `cancelled`. The work runs on the calling thread; the
// sweeps of `graph:experiment` run in time slices (experiments.ts `…Sliced`), yielding to the event
// loop between slices, so the other calls of the host are answered during a long sweep and a cancel
// takes effect within a slice. Why not a worker thread: a worker script is started by path, and the
// engine is TypeScript bundled into out/main/main.js — a plain .mjs worker could not import it without
// a second bundle entry (and a tsx loader under vitest/CLI); slicing keeps one code path everywhere.
import type { CallContext, Handlers } from '../api/contract';
import { QuireError } from '../api/errors';
import type { GraphMethodName, GraphSource } from '../api/graph-contract';
import { buildGraph } from './build';
import type { QuireGraph } from './build';
import { giantComponentSweepSliced, robustnessSweepSliced } from './experiments';
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

function asInputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    return toInputError(err);
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
    'graph:experiment': async (input, ctx: CallContext) => {
      const c = { signal: ctx.signal, onProgress: ctx.onProgress };
      try {
        if (input.kind === 'giant-component') return await giantComponentSweepSliced(input, c);
        return await robustnessSweepSliced({ ...input, graph: graphFromSource(input.graph) }, c);
      } catch (err) {
        return toInputError(err);
      }
    },
  };
}
