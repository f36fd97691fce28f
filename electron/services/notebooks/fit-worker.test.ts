// The notebooks' fit worker as a job: a bootstrap fit reports its refits from the compute worker,
// a cancelled fit ends as cancelled (the worker is terminated mid-bootstrap), and the next fit runs.
import { describe, expect, it } from 'vitest';
import type { Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { FitWorker } from './fit-worker';

const x = Array.from({ length: 200 }, (_, i) => 1 + i / 10);
const data = { x, y: x.map((v, i) => 3 * v ** -0.5 + 0.01 * Math.sin(i)) };

describe('FitWorker', () => {
  it('a bootstrap reports its refits; Cancel stops it mid-way; the next fit runs', async () => {
    const fits = new FitWorker();
    try {
      // Cancelled from its first bootstrap report: the refits are under way in the worker.
      const ac = new AbortController();
      const seen: Progress[] = [];
      const cancelled = fits
        .fit(['power-law', data, { bootstrap: { samples: 10_000, seed: 1 } }], fits.ticket(), {
          signal: ac.signal,
          onProgress: (p) => {
            seen.push(p);
            ac.abort();
          },
        })
        .then(
          () => 'finished',
          (err: unknown) => (err instanceof QuireError ? err.code : String(err)),
        );
      expect(await cancelled).toBe('cancelled');
      expect(seen[0]).toEqual({ phase: 'bootstrap', done: 0, total: 10_000 });

      const events: Progress[] = [];
      const r = (await fits.fit(
        ['power-law', data, { bootstrap: { samples: 300, seed: 1 } }],
        fits.ticket(),
        { onProgress: (p) => events.push(p) },
      )) as { status: string; bootstrap: { samples: number } };
      expect(r.status).toBe('converged');
      expect(r.bootstrap.samples).toBe(300);
      expect(events.map((p) => p.done)).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
      expect(events.every((p) => p.phase === 'bootstrap' && p.total === 300)).toBe(true);
    } finally {
      fits.close();
    }
  }, 120_000);
});
