// The library's similarity graph (`graph:library`): every embedded paper under the search model,
// linked to its k most cosine-similar papers (shared/graph knnGraph), with the same metrics as
// `graph:metrics` (weighted by similarity) plus the nodes and edges a view draws. The kNN search
// (n² dot products) and the metrics are `libraryGraphCore`, which the services run in the compute
// worker; titles and the model are added here.
import type { ParsedInputOf } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import type { LibraryGraph, LibraryGraphEdge } from '../../../shared/api/graph-contract';
import { computeMetrics, knnGraph } from '../../../shared/graph/index';

export type LibraryGraphDeps = {
  vectors(): Promise<{ modelId: string; ids: string[]; vectors: Float32Array; dims: number }>;
  title(id: string): string | undefined;
  /** Where the kNN graph and its metrics are computed (default: on this thread). */
  compute?: (input: LibraryGraphCoreInput) => Promise<LibraryGraphCore>;
};

export type LibraryGraphCoreInput = ParsedInputOf<'graph:library'> & {
  ids: string[];
  vectors: Float32Array;
  dims: number;
};
export type LibraryGraphCore = Omit<LibraryGraph, 'model' | 'nodes'> & {
  nodes: Omit<LibraryGraph['nodes'][number], 'label'>[];
};

/** The kNN graph of the vectors with its metrics, nodes and edges (no titles). */
export function libraryGraphCore(input: LibraryGraphCoreInput): LibraryGraphCore {
  const { ids, vectors, dims } = input;
  const g = knnGraph(
    { ids, vectors, dims },
    { k: input.k, threshold: input.threshold, mode: input.mode },
  );
  const metrics = computeMetrics(g, { metrics: input.metrics, weighted: true, seed: input.seed });
  const community = new Map<string, number>();
  metrics.louvain?.communities.forEach((members, i) => {
    for (const id of members) community.set(id, i);
  });
  const edges: LibraryGraphEdge[] = [];
  g.forEachEdge((_e, attr, source, target) => edges.push({ source, target, weight: attr.weight }));
  return {
    ...metrics,
    nodes: g.nodes().map((id) => ({
      id,
      community: community.get(id) ?? -1,
      degree: g.degree(id),
      pagerank: metrics.pagerank?.[id] ?? 0,
    })),
    edges,
  };
}

export async function libraryGraph(
  deps: LibraryGraphDeps,
  input: ParsedInputOf<'graph:library'>,
): Promise<LibraryGraph> {
  const { modelId, ids, vectors, dims } = await deps.vectors();
  if (ids.length === 0)
    throw new QuireError(
      'invalid_input',
      'No paper has a vector yet: import papers (they are embedded after import) or update the embeddings in Settings → Models.',
    );
  try {
    const core = await (deps.compute ?? (async (i) => libraryGraphCore(i)))({
      ...input,
      ids,
      vectors,
      dims,
    });
    return {
      ...core,
      model: modelId,
      nodes: core.nodes.map((n) => ({ ...n, label: deps.title(n.id) ?? n.id })),
    };
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('graph:'))
      throw new QuireError('invalid_input', err.message);
    throw err;
  }
}
