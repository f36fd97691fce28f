// PaperStore on a real LanceDB in a temp folder: persistence, batches, rollback, format versions.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { META_FILE, MIGRATIONS, writeMeta } from './migrations';
import { PAPERS_TABLE, SCHEMA_VERSION } from './schema';
import { storedPaper } from '../../../tests/support/paper';
import { PaperStore } from './store';

const paper = (id: string, title: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title,
  abstract: `About ${title}`,
  authors: ['Émilie du Châtelet', '李四'],
  year: 2024,
  venue: '',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'test.jsonl',
  addedAt: `2026-01-01T00:00:00.00${id.length}Z`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: '',
  tags: [],
  volume: '',
  issue: '',
  edition: '',
  pages: '',
  ...extra,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PaperStore', () => {
  it('persists papers, edits and deletes across reopen', async () => {
    const s = await PaperStore.open(dir);
    await s.add([
      paper('a', "O'Brien's law"),
      paper('bb', 'Second', { year: null, tags: ['x', 'y z'] }),
    ]);
    await s.update([{ ...(await storedPaper(s, 'a')), notes: 'n1', tags: ['t'] }]);
    expect(await s.remove(['bb', 'missing'])).toHaveLength(1);
    await s.close();

    const again = await PaperStore.open(dir);
    expect(await again.read(again.all().map((p) => p.id))).toEqual([
      { ...paper('a', "O'Brien's law"), notes: 'n1', tags: ['t'] },
    ]);
    await again.close();
  });

  it('opens a library too large to read whole with the same heads, reading abstracts only when asked', async () => {
    const s = await PaperStore.open(dir);
    const papers = [
      paper('a', 'First'),
      paper('bb', 'None', { abstract: '' }),
      paper('ccc', 'Third'),
    ];
    await s.add(papers);
    const heads = s.all();
    await s.close();

    const large = await PaperStore.open(dir, { wholeOpenRows: 2 });
    expect(large.all()).toEqual(heads);
    const cached = large as unknown as { recent: { size: number } };
    expect(cached.recent.size).toBe(0);
    expect(await large.read(['ccc', 'a'])).toEqual([papers[2], papers[0]]);
    const all: Paper[] = [];
    for await (const batch of large.batches()) all.push(...batch);
    expect(all.sort((x, y) => x.id.localeCompare(y.id))).toEqual(papers);
    await large.close();
  });

  it('records the format version in quire-library.json', async () => {
    const s = await PaperStore.open(dir);
    await s.close();
    const meta = JSON.parse(await readFile(join(dir, META_FILE), 'utf8'));
    expect(meta).toMatchObject({ format: 'quire-library', schemaVersion: SCHEMA_VERSION });
  });

  it('rolls back to an earlier version', async () => {
    const s = await PaperStore.open(dir);
    await s.add([paper('a', 'Kept')]);
    const v = await s.version();
    await s.add([paper('bb', 'Dropped')]);
    await s.rollbackTo(v);
    expect(s.all().map((p) => p.title)).toEqual(['Kept']);
    await s.close();
    const again = await PaperStore.open(dir);
    expect(again.count).toBe(1);
    await again.close();
  });

  it('runs migrations in order and refuses a newer format', async () => {
    await (await PaperStore.open(dir)).close();
    await writeMeta(dir, { format: 'quire-library', schemaVersion: 0, createdAt: 'x' });
    const ran: number[] = [];
    const s = await PaperStore.open(dir, {
      migrations: [
        { from: 0, describe: 'test step', run: async () => void ran.push(0) },
        ...MIGRATIONS,
      ],
    });
    expect(ran).toEqual([0]);
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    await s.close();

    await writeMeta(dir, { format: 'quire-library', schemaVersion: 99, createdAt: 'x' });
    await expect(PaperStore.open(dir)).rejects.toThrow(/format version 99, newer than this Quire/);
  });

  it('optimize removes the versions older than its window, and keeps the newer ones', async () => {
    const store = await PaperStore.open(dir);
    for (let i = 0; i < 4; i++) await store.add([paper(`p${i}`, `Paper ${i}`)]);
    const versions = async () => {
      const db = await lancedb.connect(join(dir, 'lancedb'));
      const table = await db.openTable(PAPERS_TABLE);
      const n = (await table.listVersions()).length;
      table.close();
      return n;
    };
    await store.optimize();
    // Default window (a minute): the versions just written stay, for a reader in another process.
    expect(await versions()).toBeGreaterThanOrEqual(5);
    await store.optimize(0);
    // LanceDB's default kept 7 days of them: every compacted copy of the table, on disk.
    expect(await versions()).toBe(1);
    expect(store.count).toBe(4);
    await store.close();
    const again = await PaperStore.open(dir);
    expect(
      again
        .all()
        .map((p) => p.id)
        .sort(),
    ).toEqual(['p0', 'p1', 'p2', 'p3']);
    await again.close();
  });

  it('serialises concurrent writes', async () => {
    const s = await PaperStore.open(dir);
    await Promise.all(Array.from({ length: 8 }, (_, i) => s.add([paper(`p${i}`, `T${i}`)])));
    expect(s.count).toBe(8);
    await s.close();
    const again = await PaperStore.open(dir);
    expect(again.count).toBe(8);
    await again.close();
  });

  it('catches up with papers another handle committed, and writes after them', async () => {
    // Two handles on one folder stand for two processes (the app and the CLI).
    const app = await PaperStore.open(dir);
    const cli = await PaperStore.open(dir);
    await cli.add([paper('c1', 'Written by the CLI')]);
    expect(app.get('c1')).toBeUndefined();
    expect(await app.refresh()).toBe(true);
    expect(app.get('c1')?.title).toBe('Written by the CLI');
    expect(await app.refresh()).toBe(false);
    await app.update([{ ...(await storedPaper(app, 'c1')), notes: 'edited in the app' }]);
    expect(await cli.refresh()).toBe(true);
    expect(cli.get('c1')?.notes).toBe('edited in the app');
    expect(cli.count).toBe(1);
    // Reads use catchUp: nothing to do until the table changes on disk, then the same reload.
    expect(await app.catchUp()).toBe(false);
    expect(await app.catchUp()).toBe(false);
    await cli.add([paper('c2', 'Second from the CLI')]);
    expect(await app.catchUp()).toBe(true);
    expect(app.get('c2')?.title).toBe('Second from the CLI');
    await app.close();
    await cli.close();
  });

  it('knows its full-text indexes are there until a commit drops one', async () => {
    const store = await PaperStore.open(dir);
    await store.add([paper('f1', 'Indexed paper')]);
    expect(await store.hasFtsIndex()).toBe(false);
    await store.ensureFtsIndex();
    expect(await store.hasFtsIndex()).toBe(true);
    expect(await store.hasFtsIndex()).toBe(true);
    // Another process drops an index: the answer follows that commit.
    const db = await lancedb.connect(join(dir, 'lancedb'));
    const table = await db.openTable(PAPERS_TABLE);
    const abstract = (await table.listIndices()).find((i) => i.columns.includes('abstract'))!;
    await table.dropIndex(abstract.name);
    table.close();
    db.close();
    // As a search does: catch up with other processes' commits, then ask.
    await store.catchUp();
    expect(await store.hasFtsIndex()).toBe(false);
    await store.ensureFtsIndex();
    expect(await store.hasFtsIndex()).toBe(true);
    await store.close();
  });
});
