// Imports of malformed and extreme sources through the real services: each gets a clear error or a
// clean skip-with-report, and a failed import leaves the library as it was.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, type Services } from '../../electron/services';
import { PaperStore } from '../../electron/services/library/store';
import { FEED_PATH, HAS_FEED } from '../support/shared-data';

let dir: string;
let services: Services;
let api: Api;

const text = (name: string, t: string) => ({ source: { kind: 'text' as const, name, text: t } });
const bytes = (name: string, b: Uint8Array) => ({
  source: { kind: 'bytes' as const, name, base64: Buffer.from(b).toString('base64') },
});
const seed = '@article{seed, title={A seed paper}, author={Noether, Emmy}, year={1918}}';

async function fails(p: Promise<unknown>): Promise<QuireError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QuireError);
  return err as QuireError;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-robust-'));
  services = await createServices({ libraryDir: dir, mode: 'cli' });
  api = createClient(inProcessTransport(services.dispatch));
  await api.call('import:run', text('seed.bib', seed));
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

async function unchanged(): Promise<void> {
  const { total, items } = await api.call('library:list', {});
  expect(total).toBe(1);
  expect(items[0]!.title).toBe('A seed paper');
}

describe('import robustness', () => {
  it('truncated BibTeX: error or skip naming the entry, never a half record', async () => {
    const bib =
      '@article{ok, title={Complete entry}, year={2020}}\n@article{cut, title={Cut off in the mid';
    const outcome = await api.call('import:run', text('cut.bib', bib)).then(
      (r) => r,
      (e: QuireError) => e,
    );
    if (outcome instanceof QuireError) {
      expect(outcome.code).toBe('invalid_file');
      await unchanged();
    } else {
      expect(outcome.skipped.length).toBeGreaterThan(0);
      const titles = (await api.call('library:list', {})).items.map((p) => p.title);
      expect(titles.some((t) => t.startsWith('Cut off'))).toBe(false);
    }
  });

  it('binary garbage is refused as not text', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const err = await fails(api.call('import:run', bytes('photo.bib', junk)));
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/binary/i);
    await unchanged();
  });

  it('an empty file is refused by name', async () => {
    const err = await fails(api.call('import:run', bytes('empty.ris', new Uint8Array())));
    expect(err.message).toMatch(/empty\.ris.*empty/);
    await unchanged();
  });

  it('Latin-1 text is decoded with a warning', async () => {
    const latin1 = Buffer.from('{"title":"Schrödinger bridges for graphs"}\n', 'latin1');
    const r = await api.call('import:run', bytes('latin.jsonl', latin1));
    expect(r.imported).toBe(1);
    expect(r.warnings.join(' ')).toMatch(/1252|latin/i);
    const { items } = await api.call('library:list', { text: 'bridges' });
    expect(items[0]!.title).toBe('Schrödinger bridges for graphs');
  });

  it('a 5 MB abstract is skipped with a reason; the rest imports', async () => {
    const huge = 'word '.repeat(1_000_000);
    const lines = [
      JSON.stringify({ title: 'Huge', abstract: huge }),
      JSON.stringify({ title: 'Normal one', abstract: 'fine' }),
    ];
    const r = await api.call('import:run', text('huge.jsonl', lines.join('\n')));
    expect(r.imported).toBe(1);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.reason).toMatch(/abstract/i);
  });

  it('10k duplicate rows import as one paper with 9,999 duplicates reported', async () => {
    const header = 'title,abstract,year\n';
    const rows = Array.from(
      { length: 10_000 },
      () => '"Repeated: the same paper",Same abstract,2021',
    ).join('\n');
    const r = await api.call('import:run', text('dups.csv', header + rows));
    expect(r).toMatchObject({ imported: 1, duplicateCount: 9_999 });
    expect(r.duplicates.length).toBeLessThanOrEqual(50);
  });

  it('a 10k-paper import streams progress in whole batches', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ title: `Synthetic paper number ${i}`, abstract: `Text ${i}` }),
    );
    const writes: number[] = [];
    const r = await api.call('import:run', text('big.jsonl', lines.join('\n')), {
      onProgress: (p) => p.phase === 'write' && writes.push(p.done),
    });
    expect(r.imported).toBe(10_000);
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect((await api.call('app:info', {})).paperCount).toBe(10_001);
  });

  it('a failure while writing rolls the library back', async () => {
    // Make the store fail on its second batch: the first batch must be rolled back too.
    const store = PaperStore.prototype;
    const realAdd = store.add;
    let calls = 0;
    store.add = function (this: PaperStore, papers) {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('disk full'));
      return realAdd.call(this, papers);
    };
    try {
      const lines = Array.from({ length: 1200 }, (_, i) =>
        JSON.stringify({ title: `Rollback paper ${i}` }),
      );
      const err = await fails(api.call('import:run', text('fail.jsonl', lines.join('\n'))));
      expect(err.message).toContain('disk full');
    } finally {
      store.add = realAdd;
    }
    await unchanged();
  });

  it.skipIf(!HAS_FEED)('the sample feed imports 227 papers', async () => {
    const r = await api.call('import:run', { source: { kind: 'path', path: FEED_PATH } });
    expect(r).toMatchObject({ format: 'feed', imported: 227, duplicateCount: 0 });
    const { items } = await api.call('library:list', { sort: 'addedAt', limit: 2 });
    expect(items[1]!.title).toBe(
      'GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding',
    );
  });
});
