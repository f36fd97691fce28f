// The library's similarity graph (`graph:library`): every embedded paper under the search model,
// linked to its k most cosine-similar papers (shared/graph knnGraph), with the same metrics as
// `graph:metrics` (weighted by similarity) plus the nodes and edges a view draws.
import type { ParsedInputOf } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import type { LibraryGraph, LibraryGraphEdge } from '../../../shared/api/graph-contract';
import { computeMetrics, knnGraph } from '../../../shared/graph/index';

export type LibraryGraphDeps = {
  vectors(): Promise<{ modelId: string; ids: string[]; vectors: Float32Array; dims: number }>;
  title(id: string): string | undefined;
};

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
    g.forEachEdge((_e, attr, source, target) =>
      edges.push({ source, target, weight: attr.weight }),
    );
    return {
      ...metrics,
      model: modelId,
      nodes: g.nodes().map((id) => ({
        id,
        label: deps.title(id) ?? id,
        community: community.get(id) ?? -1,
        degree: g.degree(id),
        pagerank: metrics.pagerank?.[id] ?? 0,
      })),
      edges,
    };
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('graph:'))
      throw new QuireError('invalid_input', err.message);
    throw err;
  }
}
