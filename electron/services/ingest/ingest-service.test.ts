// IngestService on a real LanceDB library in a temp folder: a preview writes nothing, a run writes in
// all-or-nothing batches with progress, duplicates merge (or stay apart when asked), a cancel keeps
// whole batches only, and remote callers may read files by path only from the allowed folders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext, Progress } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { ImportRequest } from '@shared/api/schemas';
import { PaperStore } from '../library/store';
import { BATCH_SIZE, IngestService } from './ingest-service';

let dir: string;
let store: PaperStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-ingest-'));
  store = await PaperStore.open(join(dir, 'library'));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ctx = (over: Partial<CallContext> = {}): CallContext => ({
  signal: new AbortController().signal,
  onProgress: () => {},
  caller: 'local',
  ...over,
});

const text = (records: object[], name = 'papers.jsonl'): ImportRequest => ({
  source: { kind: 'text', name, text: records.map((r) => JSON.stringify(r)).join('\n') },
});

const numbered = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `Paper number ${i}`, year: 2000 + (i % 20) }));

describe('IngestService', () => {
  it('preview reports what a run would do and writes nothing', async () => {
    const ingest = new IngestService(store);
    const req = text([
      { title: 'Attention is all you need', doi: '10.5555/att' },
      { title: 'Transformers, a preprint', doi: '10.5555/att' },
      { title: 'Deep residual learning' },
      { note: 'no title here' },
    ]);
    const preview = await ingest.preview(req, ctx());
    expect(preview).toMatchObject({ format: 'jsonl', total: 3, newCount: 2, duplicateCount: 1 });
    expect(preview.duplicates[0]).toMatchObject({ match: 'doi', existingId: null, index: 1 });
    expect(preview.skipped).toHaveLength(1);
    expect(preview.sample.map((d) => d.title)).toEqual([
      'Attention is all you need',
      'Deep residual learning',
    ]);
    expect(store.count).toBe(0);
  });

  it('run writes in batches with progress; a second run merges into the papers it matches', async () => {
    const ingest = new IngestService(store);
    const events: Progress[] = [];
    const first = await ingest.run(
      text(numbered(BATCH_SIZE + 20)),
      ctx({ onProgress: (p) => events.push(p) }),
    );
    expect(first).toMatchObject({ imported: BATCH_SIZE + 20, duplicateCount: 0, cancelled: false });
    expect(store.count).toBe(BATCH_SIZE + 20);
    const writes = events.filter((p) => p.phase === 'write').map((p) => p.done);
    expect(writes).toEqual([0, BATCH_SIZE, BATCH_SIZE + 20]);
    // The file's order is kept under the "Added" sort: distinct, rising instants.
    const added = store.all().map((p) => [p.title, p.addedAt] as const);
    const byTitle = new Map(added);
    expect(byTitle.get('Paper number 0')! < byTitle.get('Paper number 1')!).toBe(true);

    const again = await ingest.run(
      text([{ title: 'Paper number 3', venue: 'NeurIPS' }, { title: 'Something new' }]),
      ctx(),
    );
    expect(again).toMatchObject({ imported: 1, duplicateCount: 1, mergedCount: 1 });
    const merged = store.all().find((p) => p.title === 'Paper number 3')!;
    expect(merged.venue).toBe('NeurIPS');
    expect(store.count).toBe(BATCH_SIZE + 21);
  });

  it('keepSeparate imports a duplicate the user chose to keep as its own paper', async () => {
    const ingest = new IngestService(store);
    await ingest.run(text([{ title: 'Scaling laws' }]), ctx());
    const req = { ...text([{ title: 'Scaling laws' }]), keepSeparate: [0] };
    expect(await ingest.run(req, ctx())).toMatchObject({ imported: 1, duplicateCount: 0 });
    expect(store.all().filter((p) => p.title === 'Scaling laws')).toHaveLength(2);
  });

  it('a cancelled run keeps whole batches only and says it was cancelled', async () => {
    const ingest = new IngestService(store);
    const abort = new AbortController();
    const result = await ingest.run(
      text(numbered(3 * BATCH_SIZE)),
      ctx({
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase === 'write' && p.done > 0) abort.abort();
        },
      }),
    );
    expect(result).toMatchObject({ imported: BATCH_SIZE, cancelled: true });
    expect(store.count).toBe(BATCH_SIZE);
  });

  it('a file that cannot be parsed is refused by name and writes nothing', async () => {
    const ingest = new IngestService(store);
    const garbage = Buffer.from([0, 159, 146, 150, 0, 255, 1, 2, 3, 0]).toString('base64');
    const err = await ingest
      .run({ source: { kind: 'bytes', name: 'junk.bib', base64: garbage } }, ctx())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuireError);
    expect(err).toMatchObject({ code: 'invalid_file' });
    expect((err as QuireError).message).toContain('junk.bib');
    expect(store.count).toBe(0);
  });

  it('remote callers read files by path only inside the allowed folders; local callers anywhere', async () => {
    const allowed = join(dir, 'allowed');
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(allowed);
    await mkdir(elsewhere);
    const line = JSON.stringify({ title: 'From a file' });
    await writeFile(join(allowed, 'in.jsonl'), line);
    await writeFile(join(elsewhere, 'out.jsonl'), line);
    const ingest = new IngestService(store, [allowed]);
    const byPath = (path: string): ImportRequest => ({ source: { kind: 'path', path } });

    const inside = await ingest.preview(
      byPath(join(allowed, 'in.jsonl')),
      ctx({ caller: 'remote' }),
    );
    expect(inside.newCount).toBe(1);
    const outside = await ingest
      .preview(byPath(join(elsewhere, 'out.jsonl')), ctx({ caller: 'remote' }))
      .catch((e: unknown) => e);
    expect(outside).toMatchObject({ code: 'unauthorized' });
    // No caller counts as remote (fail closed).
    const unnamed = await ingest
      .preview(byPath(join(elsewhere, 'out.jsonl')), ctx({ caller: undefined }))
      .catch((e: unknown) => e);
    expect(unnamed).toMatchObject({ code: 'unauthorized' });
    const local = await ingest.run(byPath(join(elsewhere, 'out.jsonl')), ctx());
    expect(local).toMatchObject({ imported: 1 });
    expect(store.all()[0]!.sourceFile).toBe('out.jsonl');
  });
});
