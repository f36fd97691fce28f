// `quire search` on a library whose vectors are incomplete (an import whose embedding was cancelled)
// says so on stderr and in --json; `quire import` of a file with nothing new completes the vectors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { syntheticPapers, toJsonl } from '../../bench/support/synthetic';
import { runQuire } from '../support/quire-cli';

const N = 300;

const quire = (args: string[]) => runQuire(args);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-incomplete-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it(
  'quire search says how many papers have no vectors; the next import embeds them',
  { timeout: 300_000 },
  async () => {
    const lib = join(tmp, 'lib');
    const file = join(tmp, 'papers.jsonl');
    await writeFile(file, toJsonl(syntheticPapers(5, 0, N)));
    // Import, cancelling as soon as embedding starts: the papers are in, their vectors are not.
    const services = await createServices({ libraryDir: lib, mode: 'cli' });
    try {
      const api = createClient(inProcessTransport(services.dispatch));
      const abort = new AbortController();
      const r = await api.call(
        'import:run',
        { source: { kind: 'path', path: file } },
        { signal: abort.signal, onProgress: (p) => p.phase === 'embed' && abort.abort() },
      );
      expect(r.imported).toBe(N);
      expect((await api.call('embeddings:status', {})).embedded).toBe(0);
    } finally {
      await services.close();
    }

    const text = await quire(['search', 'protein binding', '--library', lib]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toBe(
      `${N} of ${N} papers have no vectors yet; they are found by keywords only.\n`,
    );
    const json = await quire(['search', 'protein binding', '--library', lib, '--json']);
    expect(JSON.parse(json.stdout).notice).toBe(
      `${N} of ${N} papers have no vectors yet; they are found by keywords only.`,
    );

    const again = await quire(['import', file, '--library', lib, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      imported: 0,
      duplicateCount: N,
      warnings: [],
    });
    const complete = await quire(['search', 'protein binding', '--library', lib]);
    expect(complete.code, complete.stderr).toBe(0);
    expect(complete.stderr).toBe('');
  },
);
