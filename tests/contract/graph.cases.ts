// Contract cases of the graph feature: the library's similarity graph, metrics, power laws, sweeps.
import { describe, expect, it } from 'vitest';
import type { Api } from '@shared/api/client';
import type { Progress } from '@shared/api/contract';
import { jsonl, rejection } from './suite-support';

export function graphCases(api: Api): void {
  describe('graph', () => {
    it('graph:library is a job: a plan first, progress in phases, cancel ends it, the next graph completes', async () => {
      // Papers of its own, embedded, so the test also runs alone (-t).
      const source = { kind: 'text' as const, name: 'graph.jsonl', text: jsonl(80, 'Graphable') };
      await api.call('import:run', { source });
      const status = await api.call('embeddings:update', {});
      expect(status.embedded).toBeGreaterThanOrEqual(80);
      const plan = await api.call('graph:libraryPlan', { k: 5, metrics: ['counts'] });
      expect(plan).toMatchObject({ papers: status.embedded, nodes: status.embedded });
      expect(plan.seconds).toBeGreaterThan(0);
      const sampled = await api.call('graph:libraryPlan', {
        k: 5,
        metrics: ['counts'],
        sample: 50,
      });
      expect(sampled.nodes).toBe(50);
      expect(sampled.seconds).toBeLessThan(plan.seconds);

      // Cancelled from its first progress event, i.e. while the kNN search is under way.
      const abort = new AbortController();
      const seen: Progress[] = [];
      const cancelled = await rejection(
        api.call(
          'graph:library',
          { k: 5, metrics: ['counts', 'distances', 'louvain'] },
          {
            signal: abort.signal,
            onProgress: (p) => {
              seen.push(p);
              abort.abort();
            },
          },
        ),
      );
      expect(cancelled.code).toBe('cancelled');
      expect(seen[0]).toMatchObject({ phase: 'neighbours', done: 0 });

      // The worker is free: the next graph (a seeded sample) runs to its end with both phases.
      const events: Progress[] = [];
      const g = await api.call(
        'graph:library',
        { k: 5, metrics: ['counts', 'louvain'], sample: 50 },
        { onProgress: (p) => events.push(p) },
      );
      expect(g.nodes).toHaveLength(50);
      const phases = [...new Set(events.map((p) => p.phase))];
      expect(phases).toEqual(['neighbours', 'metrics']);
      const knn = events.filter((p) => p.phase === 'neighbours');
      expect(knn.at(-1)).toMatchObject({ done: (50 * 49) / 2, total: (50 * 49) / 2 });
      expect(events.filter((p) => p.phase === 'metrics').map((p) => p.message)).toEqual([
        'counts',
        'louvain',
      ]);
    });

    it('graph:metrics is a job: progress per metric group', async () => {
      const events: Progress[] = [];
      const m = await api.call(
        'graph:metrics',
        { graph: { kind: 'karate' }, metrics: ['degree', 'betweenness'] },
        { onProgress: (p) => events.push(p) },
      );
      expect(m.nNodes).toBe(34);
      expect(events).toEqual([
        { phase: 'metrics', done: 0, total: 2, message: 'degree' },
        { phase: 'metrics', done: 1, total: 2, message: 'betweenness' },
      ]);
    });
  });
}

export function graphEngineCases(api: Api): void {
  describe('graph engine', () => {
    it('graph:powerlaw fits the exponent of a power-law sample; too little data is refused', async () => {
      // Quantiles of a discrete power law with alpha 2.5 from xmin 5 (CSN's continuous approximation,
      // eq. D.7): a sample without randomness, whose maximum-likelihood alpha is 2.507 (scipy).
      const n = 2000;
      const data = Array.from({ length: n }, (_, i) =>
        Math.floor(4.5 * (1 - (i + 0.5) / n) ** (-1 / 1.5) + 0.5),
      );
      const fit = await api.call('graph:powerlaw', { data, xmin: 5 });
      expect(fit).toMatchObject({ xmin: 5, nTail: n, nTotal: n });
      expect(fit.alpha).toBeCloseTo(2.507, 2);
      expect(fit.alphaStdError).toBeGreaterThan(0);
      const bad = await rejection(api.call('graph:powerlaw', { data: [3] }));
      expect(bad.code).toBe('invalid_input');
      expect(bad.message).toContain('data');
    });

    it('graph:experiment is a job: a seeded giant-component sweep as a table, with progress', async () => {
      const events: Progress[] = [];
      const input = { kind: 'giant-component' as const, n: 300, meanDegrees: [0.5, 3], repeats: 2 };
      const t = await api.call(
        'graph:experiment',
        { ...input, seed: 7 },
        {
          onProgress: (p) => events.push(p),
        },
      );
      expect(t.columns).toEqual([
        'mean_degree',
        'p',
        'giant_fraction',
        'giant_fraction_sd',
        'theory',
      ]);
      expect(t.rows.map((r) => r[0])).toEqual([0.5, 3]);
      // Below the threshold (c < 1) the giant component is small; above it, most of the graph.
      expect(t.rows[0]![2]).toBeLessThan(0.2);
      expect(t.rows[1]![2]).toBeGreaterThan(0.8);
      expect(events.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
        'giant-component 1/4',
        'giant-component 2/4',
        'giant-component 3/4',
        'giant-component 4/4',
      ]);
      expect(await api.call('graph:experiment', { ...input, seed: 7 })).toEqual(t);
      const bad = await rejection(
        api.call('graph:experiment', { kind: 'giant-component', n: 1, meanDegrees: [1] }),
      );
      expect(bad.code).toBe('invalid_input');
    });
  });
}
