// Graph handlers through the contract's zod schemas: strict inputs, results, input errors and
// cancellation mapped to Quire error codes.
import { describe, expect, it } from 'vitest';
import { QuireError } from '@shared/api/errors';
import { graphMethods } from '@shared/api/graph-contract';
import { createGraphHandlers } from './handlers';

const h = createGraphHandlers();
const ctx = { signal: new AbortController().signal, onProgress: () => {} };

describe('graph handlers', () => {
  it('graph:metrics on a generator and on an edge list', async () => {
    const input = graphMethods['graph:metrics'].input.parse({
      graph: { kind: 'karate' },
      metrics: ['counts', 'louvain'],
    });
    const m = await h['graph:metrics'](input, ctx);
    expect([m.nNodes, m.nEdges]).toEqual([34, 78]);
    expect(m.louvain!.modularity!).toBeGreaterThan(0.38);
    const e = graphMethods['graph:metrics'].input.parse({
      graph: { kind: 'edges', edges: [{ source: 'a', target: 'b' }, ['b', 'c', 2]], nodes: ['z'] },
      metrics: ['components'],
    });
    expect((await h['graph:metrics'](e, ctx)).componentSizes).toEqual([3, 1]);
  });
  it('schemas are strict', () => {
    const s = graphMethods['graph:metrics'].input;
    expect(s.safeParse({ graph: { kind: 'karate', extra: 1 } }).success).toBe(false);
    expect(s.safeParse({ graph: { kind: 'gnp', n: 10, p: 2 } }).success).toBe(false);
    expect(s.safeParse({ graph: { kind: 'karate' }, metrics: ['nope'] }).success).toBe(false);
    expect(s.safeParse({ graph: { kind: 'karate' }, bogus: true }).success).toBe(false);
  });
  it('engine errors become invalid_input', async () => {
    const input = graphMethods['graph:metrics'].input.parse({
      graph: { kind: 'watts-strogatz', n: 10, k: 3, p: 0.1 },
    });
    await expect(h['graph:metrics'](input, ctx)).rejects.toMatchObject({ code: 'invalid_input' });
  });
  it('graph:powerlaw and graph:experiment', async () => {
    const fit = await h['graph:powerlaw'](
      graphMethods['graph:powerlaw'].input.parse({ data: [1, 1, 1, 2, 2, 3, 5, 8, 13] }),
      ctx,
    );
    expect(fit.alpha).toBeGreaterThan(1);
    const progress: number[] = [];
    const t = await h['graph:experiment'](
      graphMethods['graph:experiment'].input.parse({
        kind: 'robustness',
        graph: { kind: 'barabasi-albert', n: 300, m: 2 },
        steps: 4,
      }),
      { ...ctx, onProgress: (p) => progress.push(p.done) },
    );
    expect(t.rows).toHaveLength(5);
    expect(progress.length).toBeGreaterThan(0);
    const ac = new AbortController();
    ac.abort();
    const gc = graphMethods['graph:experiment'].input.parse({
      kind: 'giant-component',
      n: 100,
      meanDegrees: [1, 2],
    });
    const err = await h['graph:experiment'](gc, { ...ctx, signal: ac.signal }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(QuireError);
    expect((err as QuireError).code).toBe('cancelled');
  });
});
