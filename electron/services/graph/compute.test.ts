// Heavy graph calls run in the compute worker: the services thread answers other calls meanwhile
// (asserted by order of completion, not by a timer), and the memory and time limits end the call
// with a clear message while the host lives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../index';
import { GRAPH_LIMITS } from './compute';

let tmp: string;

async function open(
  name: string,
  memoryMb: number,
  timeoutMs = GRAPH_LIMITS.timeoutMs,
): Promise<Services> {
  return createServices({
    libraryDir: join(tmp, name),
    mode: 'cli',
    graphLimits: { memoryMb, timeoutMs },
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-graph-compute-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('graph compute worker', () => {
  it('library:list resolves before a heavy graph:metrics started first', async () => {
    const services = await open('order', 1024);
    try {
      const order: string[] = [];
      const metrics = services
        .dispatch(
          'graph:metrics',
          {
            graph: { kind: 'barabasi-albert', n: 2_000, m: 3, seed: 1 },
            metrics: ['degree', 'pagerank', 'louvain'],
          },
          {},
        )
        .then((r) => {
          order.push('graph:metrics');
          return r;
        });
      const list = services.dispatch('library:list', {}, {}).then((r) => {
        order.push('library:list');
        return r;
      });
      const [m, l] = await Promise.all([metrics, list]);
      expect(l.ok).toBe(true);

      expect(m.ok).toBe(true);
      if (m.ok) expect((m.value as { nNodes: number }).nNodes).toBe(2_000);
      expect(order).toEqual(['library:list', 'graph:metrics']);
    } finally {
      await services.close();
    }
  });

  it('a graph over the memory limit ends its call with a clear message; the host lives', async () => {
    const services = await open('oom', 64);
    try {
      const r = await services.dispatch(
        'graph:metrics',
        {
          graph: { kind: 'barabasi-albert', n: 300_000, m: 4, seed: 2 },
          metrics: ['degree', 'pagerank', 'louvain'],
        },
        {},
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(
          /^graph: the graph is too large for the memory limit \(64 MB\)/,
        );
      }
      // The same services keep answering, including graph calls within the limit.
      expect((await services.dispatch('library:list', {}, {})).ok).toBe(true);
      const small = await services.dispatch('graph:metrics', { graph: { kind: 'karate' } }, {});
      expect(small.ok).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('the time limit ends a call with a message naming the limit', async () => {
    // 1 ms: the worker cannot even start in that time.
    const services = await open('timeout', 1024, 1);
    try {
      const r = await services.dispatch(
        'graph:metrics',
        {
          graph: { kind: 'barabasi-albert', n: 5_000, m: 3, seed: 1 },
        },
        {},
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/^graph: stopped after 0 s, the time limit/);
    } finally {
      await services.close();
    }
  });

  it('cancel ends a running graph:metrics as cancelled', async () => {
    const services = await open('cancel', 1024);
    try {
      const ac = new AbortController();
      const job = services.dispatch(
        'graph:metrics',
        {
          graph: { kind: 'barabasi-albert', n: 200_000, m: 4, seed: 3 },
          metrics: ['degree', 'pagerank', 'louvain'],
        },
        { signal: ac.signal },
      );
      // Cancelled once another call has been answered, i.e. while the metrics are under way.
      expect((await services.dispatch('library:list', {}, {})).ok).toBe(true);
      ac.abort();
      const r = await job;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('cancelled');
    } finally {
      await services.close();
    }
  });

  it('graph:experiment builds its graph in the worker: over the memory limit, a clear error', async () => {
    const services = await open('experiment', 64);
    try {
      const progress: unknown[] = [];
      const r = await services.dispatch(
        'graph:experiment',
        {
          kind: 'robustness',
          graph: { kind: 'gnp', n: 5_000, p: 0.05, seed: 4 },
          steps: 4,
          repeats: 1,
          seed: 1,
        },
        { onProgress: (p) => progress.push(p) },
      );
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error.message).toMatch(
          /^graph: the graph is too large for the memory limit \(64 MB\)/,
        );
      // Within the limit, the sweep runs there too, with its progress forwarded.
      const ok = await services.dispatch(
        'graph:experiment',
        { kind: 'giant-component', n: 200, meanDegrees: [0.5, 1, 2], repeats: 2, seed: 1 },
        { onProgress: (p) => progress.push(p) },
      );
      expect(ok.ok).toBe(true);
      expect(progress.length).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  }, 120_000);
});
