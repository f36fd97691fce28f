// The graph engine's operations as the contract names them: the graph a contract `GraphSource`
// describes (`graphFromSource`, also used by the view to draw a generator's graph) and the work of
// one heavy graph call on the calling thread (`runGraphOp`: what the compute worker runs, and what
// the handlers in electron/services/graph/handlers.ts run inline without a worker). Pure: no Node
// APIs. Engine errors are GraphErrors (./errors) carrying the code `invalid_input`.
import type { OutputOf, ParsedInputOf } from '../api/contract';
import type { GraphSource } from '../api/graph-contract';
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

/** The graph calls heavy enough to run away from the services thread. */
export type GraphOp = 'graph:metrics' | 'graph:powerlaw' | 'graph:experiment';

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
