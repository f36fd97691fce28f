// The library's similarity graph (`graph:library`): every embedded paper under the search model,
// linked to its k most cosine-similar papers (shared/graph knnGraph), with the same metrics as
// `graph:metrics` (weighted by similarity) plus the nodes and edges a view draws. The kNN search
// (n² dot products) and the metrics are `libraryGraphCore`, which the services run in the compute
// worker; titles and the model are added here. It is a job: progress in phases (kNN pairs, then each
// metric group), cancel by the caller's signal (the runner terminates the worker), and `sample`
// draws a seeded subset of the papers first — the cheaper setting the graph cell offers on a large
// library (shared/graph/cost.ts estimates both).
import type { ParsedInputOf, Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { LibraryGraph, LibraryGraphEdge } from '@shared/api/graph-contract';
import { computeMetrics, knnGraph } from '@shared/graph/index';
import { createRng } from '@shared/graph/rng';

export type LibraryGraphDeps = {
  vectors(): Promise<{ modelId: string; ids: string[]; vectors: Float32Array; dims: number }>;
  title(id: string): string | undefined;
  /** Where the kNN graph and its metrics are computed (default: on this thread). */
  compute?: (
    input: LibraryGraphCoreInput,
    onProgress: (p: Progress) => void,
  ) => Promise<LibraryGraphCore>;
};

export type LibraryGraphCoreInput = ParsedInputOf<'graph:library'> & {
  ids: string[];
  vectors: Float32Array;
  dims: number;
};
export type LibraryGraphCore = Omit<LibraryGraph, 'model' | 'nodes'> & {
  nodes: Omit<LibraryGraph['nodes'][number], 'label'>[];
};

/**
 * A seeded sample of `size` papers (partial Fisher–Yates over the indices, kept in library order),
 * or all of them when `size` is absent or not smaller than the library.
 */
export function samplePapers(
  ids: string[],
  vectors: Float32Array,
  dims: number,
  size: number | undefined,
  seed: number,
): { ids: string[]; vectors: Float32Array } {
  const n = ids.length;
  if (size === undefined || size >= n) return { ids, vectors };
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const picked = order.subarray(0, size).sort();
  const out = new Float32Array(size * dims);
  picked.forEach((src, i) => out.set(vectors.subarray(src * dims, (src + 1) * dims), i * dims));
  return { ids: Array.from(picked, (i) => ids[i]!), vectors: out };
}

/** The kNN graph of the vectors with its metrics, nodes and edges (no titles). */
export function libraryGraphCore(
  input: LibraryGraphCoreInput,
  onProgress: (p: Progress) => void = () => {},
): LibraryGraphCore {
  const { ids, vectors } = samplePapers(
    input.ids,
    input.vectors,
    input.dims,
    input.sample,
    input.seed,
  );
  const { dims } = input;
  const g = knnGraph(
    { ids, vectors, dims },
    {
      k: input.k,
      threshold: input.threshold,
      mode: input.mode,
      onPairs: (done, total) =>
        onProgress({ phase: 'neighbours', done, total, message: `${ids.length} papers` }),
    },
  );
  const metrics = computeMetrics(g, {
    metrics: input.metrics,
    weighted: true,
    seed: input.seed,
    onGroup: (group, done, total) => onProgress({ phase: 'metrics', done, total, message: group }),
  });
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
  ctx: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
): Promise<LibraryGraph> {
  const { modelId, ids, vectors, dims } = await deps.vectors();
  if (ids.length === 0)
    throw new QuireError(
      'invalid_input',
      'No paper has a vector yet: import papers (they are embedded after import) or update the embeddings in Settings → Models.',
    );
  const onProgress = ctx.onProgress ?? (() => {});
  if (ctx.signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
  // Engine and limit errors carry their code (GraphError, GRAPH_LIMIT_MESSAGES): passed on as is.
  const core = await (deps.compute ?? (async (i, p) => libraryGraphCore(i, p)))(
    { ...input, ids, vectors, dims },
    onProgress,
  );
  return {
    ...core,
    model: modelId,
    nodes: core.nodes.map((n) => ({ ...n, label: deps.title(n.id) ?? n.id })),
  };
}
