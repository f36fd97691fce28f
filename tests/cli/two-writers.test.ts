// Two `quire import` processes writing into one library at the same moment, as users run them: both
// succeed (the second waits for the first's write lock and sees its papers), the papers both files
// share are stored once, every paper ends with a vector, and no LanceDB text reaches stderr.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { syntheticPapers, toJsonl } from '../../bench/support/synthetic';
import { runQuire } from '../support/quire-cli';

const SEED = 21;
/** File A holds papers 0…2,499, file B 2,200…4,699: 300 papers are in both. */
const A = { from: 0, count: 2_500 };
const B = { from: 2_200, count: 2_500 };
const UNIQUE = B.from + B.count;

const quire = (args: string[]) => runQuire(args);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-two-writers-'));
  await writeFile(join(tmp, 'a.jsonl'), toJsonl(syntheticPapers(SEED, A.from, A.count)));
  await writeFile(join(tmp, 'b.jsonl'), toJsonl(syntheticPapers(SEED, B.from, B.count)));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it(
  'two CLI imports into one library at once both succeed, without duplicates, every paper embedded',
  { timeout: 600_000 },
  async () => {
    const lib = join(tmp, 'lib');
    const [a, b] = await Promise.all([
      quire(['import', join(tmp, 'a.jsonl'), '--library', lib, '--json']),
      quire(['import', join(tmp, 'b.jsonl'), '--library', lib, '--json']),
    ]);
    for (const r of [a, b]) {
      expect(r.stderr).not.toMatch(/lance|\.rs:\d|commit conflict|retryable/i);
      expect(r.code, r.stderr).toBe(0);
    }
    const ra = JSON.parse(a.stdout) as { imported: number; duplicateCount: number };
    const rb = JSON.parse(b.stdout) as { imported: number; duplicateCount: number };
    // Whichever went second saw the first one's papers: the shared 300 were merged, not re-added.
    expect(ra.imported + rb.imported).toBe(UNIQUE);
    expect(ra.duplicateCount + rb.duplicateCount).toBe(A.count + B.count - UNIQUE);
    const waited = [a, b].filter((r) =>
      r.stderr.includes('Waiting for another Quire process to finish writing'),
    ).length;
    console.log(`two writers: imported ${ra.imported} + ${rb.imported}, waited=${waited}`);

    const services = await createServices({ libraryDir: lib, mode: 'cli' });
    try {
      const api = createClient(inProcessTransport(services.dispatch));
      const titles: string[] = [];
      for (let offset = 0; ; offset += 1_000) {
        const page = await api.call('library:list', { limit: 1_000, offset });
        titles.push(...page.items.map((p) => p.title));
        if (page.items.length < 1_000) break;
      }
      expect(titles).toHaveLength(UNIQUE);
      expect(new Set(titles).size).toBe(UNIQUE);
      expect(await api.call('embeddings:status', {})).toMatchObject({
        embedded: UNIQUE,
        total: UNIQUE,
      });
    } finally {
      await services.close();
    }
  },
);
