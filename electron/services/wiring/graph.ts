// Handlers of the graph methods: the pure engine's (in a compute worker) plus the library's
// similarity graph and its cost estimate, which need the embeddings.
import type { Handlers } from '@shared/api/contract';
import { libraryGraphPlan } from '@shared/graph/cost';
import { createGraphHandlers } from '../graph/handlers';
import {
  createGraphCompute,
  createLibraryGraphCompute,
  graphLimitsFromEnv,
} from '../graph/compute';
import { libraryGraph } from '../graph/library-graph';
import type { Core } from './core';

type GraphHandlers = Pick<
  Handlers,
  'graph:metrics' | 'graph:powerlaw' | 'graph:library' | 'graph:libraryPlan' | 'graph:experiment'
>;

export function graphHandlers({ opts, store, embeddings }: Core): GraphHandlers {
  const graphLimits = opts.graphLimits ?? graphLimitsFromEnv();
  const libraryCompute = createLibraryGraphCompute(graphLimits);
  return {
    ...createGraphHandlers({ compute: createGraphCompute(graphLimits) }),
    'graph:library': (input, ctx) =>
      libraryGraph(
        {
          vectors: () => embeddings.allVectors(),
          title: (id) => store.get(id)?.title,
          compute: (core, onProgress) => libraryCompute(core, { signal: ctx.signal, onProgress }),
        },
        input,
        ctx,
      ),
    'graph:libraryPlan': async (input) => libraryGraphPlan(await embeddings.status(), input),
  };
}
