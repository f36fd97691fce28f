// `graph:experiment` on real services does not starve the other calls: while a long sweep runs (in
// the compute worker), `library:list` calls are answered before the sweep ends, progress arrives, and
// a cancel ends the job with no progress after it. Order and outcome only; the latencies are measured
// by bench/graph/responsiveness.ts. The sweep is cancelled once it has shown what the test needs
// (never after a fixed time, which a loaded machine may not fill); QUIRE_SWEEP_TEST_MS bounds it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeSweep, SWEEPS } from '../../../tests/support/sweep-probe';
import { createServices, type Services } from '../index';

const SWEEP_MS = Number(process.env.QUIRE_SWEEP_TEST_MS ?? 120_000);

let tmp: string;
let services: Services;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-sweep-'));
  services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
});
afterAll(async () => {
  await services?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('graph:experiment keeps the services responsive', () => {
  for (const [name, input] of Object.entries(SWEEPS)) {
    it(
      `${name} sweep: library:list answered while it runs; cancel ends it`,
      async () => {
        const m = await probeSweep(
          services.dispatch,
          input,
          SWEEP_MS,
          (seen) => seen.progress > 3 && seen.answered >= 3,
        );
        expect(m.code).toBe('cancelled');
        expect(m.progress.length).toBeGreaterThan(3);
        expect(m.answeredDuringSweep).toBeGreaterThanOrEqual(3);
        expect(m.progressAfterEnd).toBe(0);
      },
      SWEEP_MS + 60_000,
    );
  }
});
