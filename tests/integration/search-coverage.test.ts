// The "papers have no vectors yet" notice of one running service follows the library: it is counted
// once per change (not per search), so it must be recounted after embedding and after an import.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { syntheticPapers, toJsonl } from '../../bench/support/synthetic';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-coverage-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Imports papers and cancels as soon as embedding starts: the papers are in, their vectors not. */
async function importWithoutVectors(api: Api, from: number, n: number): Promise<void> {
  const abort = new AbortController();
  const r = await api.call(
    'import:run',
    {
      source: {
        kind: 'text',
        name: `papers-${from}.jsonl`,
        text: toJsonl(syntheticPapers(3, from, n)),
      },
    },
    { signal: abort.signal, onProgress: (p) => p.phase === 'embed' && abort.abort() },
  );
  expect(r.imported).toBe(n);
}

const notice = async (api: Api) =>
  (await api.call('search:query', { query: 'protein binding', mode: 'hybrid' })).notice;

it(
  'the missing-vectors notice is recounted after embedding and after a new import',
  { timeout: 300_000 },
  async () => {
    const services = await createServices({ libraryDir: join(tmp, 'lib'), mode: 'cli' });
    try {
      const api = createClient(inProcessTransport(services.dispatch));
      await importWithoutVectors(api, 0, 40);
      expect(await notice(api)).toBe(
        '40 of 40 papers have no vectors yet; they are found by keywords only.',
      );
      expect(await notice(api)).toBe(
        '40 of 40 papers have no vectors yet; they are found by keywords only.',
      );

      await api.call('embeddings:update', {});
      expect(await notice(api)).toBeUndefined();

      await importWithoutVectors(api, 40, 25);
      expect(await notice(api)).toBe(
        '25 of 65 papers have no vectors yet; they are found by keywords only.',
      );
    } finally {
      await services.close();
    }
  },
);
