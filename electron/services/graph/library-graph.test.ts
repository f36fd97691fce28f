// graph:library over fake vectors: two clusters of papers give two communities, titles as labels.
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { graphMethods } from '@shared/api/graph-contract';
import { createRng } from '@shared/graph/rng';
import { createLibraryGraphCompute } from './compute';
import { libraryGraph } from './library-graph';

const input = (over: object = {}) => graphMethods['graph:library'].input.parse({ k: 2, ...over });

describe('libraryGraph', () => {
  it('links each paper to its most similar ones, with communities, degrees and titles', async () => {
    // Two tight clusters in 3-d: around e1 and around e2.
    const vecs = [
      [1, 0.05, 0],
      [1, 0, 0.05],
      [1, 0.02, 0.02],
      [0.05, 1, 0],
      [0, 1, 0.05],
      [0.02, 1, 0.02],
    ];
    const ids = vecs.map((_, i) => `p${i}`);
    const g = await libraryGraph(
      {
        vectors: async () => ({
          modelId: 'm',
          ids,
          vectors: Float32Array.from(vecs.flat()),
          dims: 3,
        }),
        title: (id) => `Title ${id}`,
      },
      input({ threshold: 0.5 }),
    );
    expect(g.model).toBe('m');
    expect(g.nNodes).toBe(6);
    expect(g.nEdges).toBe(6);
    expect(g.louvain?.nCommunities).toBe(2);
    expect(g.nodes.map((n) => n.label)).toEqual(ids.map((id) => `Title ${id}`));
    const comm = new Map(g.nodes.map((n) => [n.id, n.community]));
    expect(comm.get('p0')).toBe(comm.get('p2'));
    expect(comm.get('p0')).not.toBe(comm.get('p3'));
    expect(g.nodes.every((n) => n.degree === 2 && n.pagerank > 0)).toBe(true);
    expect(g.edges.every((e) => e.weight > 0.9)).toBe(true);
  });

  it('refuses an empty library with a hint', async () => {
    await expect(
      libraryGraph(
        {
          vectors: async () => ({ modelId: 'm', ids: [], vectors: new Float32Array(), dims: 3 }),
          title: () => undefined,
        },
        input(),
      ),
    ).rejects.toBeInstanceOf(QuireError);
  });

  it('computes the kNN graph in the compute worker: same graph, this thread free meanwhile', async () => {
    const rng = createRng(7);
    const n = 3_000;
    const dims = 32;
    const vectors = Float32Array.from({ length: n * dims }, () => rng.next() - 0.5);
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const deps = {
      vectors: async () => ({ modelId: 'm', ids, vectors, dims }),
      title: (id: string) => `Title ${id}`,
    };
    const order: string[] = [];
    const inWorker = libraryGraph(
      {
        ...deps,
        compute: (core, onProgress) =>
          createLibraryGraphCompute({ memoryMb: 512, timeoutMs: 600_000 })(core, { onProgress }),
      },
      input({ k: 5, metrics: ['degree', 'louvain', 'pagerank'] }),
    ).then((g) => {
      order.push('graph');
      return g;
    });
    // A task queued after the call started runs before the graph is back.
    await new Promise<void>((r) => setImmediate(r));
    order.push('other work');
    const g = await inWorker;
    expect(order).toEqual(['other work', 'graph']);
    const inline = await libraryGraph(
      deps,
      input({ k: 5, metrics: ['degree', 'louvain', 'pagerank'] }),
    );
    expect(g).toEqual(inline);
  }, 120_000);
});
