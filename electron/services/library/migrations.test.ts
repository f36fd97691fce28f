// Library formats 2 → 3 → 4 on a real LanceDB folder: a library written before papers had volume,
// issue, edition and pages opens, keeps every paper, and reads those fields as ''; one written before
// the text hash columns gets them filled from its abstracts; each step is safe to re-run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { Schema } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { MIGRATIONS, readMeta, writeMeta } from './migrations';
import {
  HAS_ABSTRACT_COLUMN,
  PAPERS_TABLE,
  SCHEMA_VERSION,
  TEXT_HASH_COLUMN,
  WORK_DETAIL_COLUMNS,
  paperToRow,
  papersSchema,
} from './schema';
import { headOf } from './paper-head';
import { HEAD_COLUMNS, plainRows } from './paper-rows';
import { storedPaper } from '../../../tests/support/paper';
import { PaperStore } from './store';

const SUMMARY = [TEXT_HASH_COLUMN, HAS_ABSTRACT_COLUMN];
/** Columns format 2 did not have. */
const AFTER_2: ReadonlySet<string> = new Set([...WORK_DETAIL_COLUMNS, ...SUMMARY]);
/** Columns format 3 did not have. */
const AFTER_3: ReadonlySet<string> = new Set(SUMMARY);
const NO_DETAILS = { volume: '', issue: '', edition: '', pages: '' };

const paper = (id: string, title: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title,
  abstract: `About ${title}`,
  authors: ['Ada Lovelace'],
  year: 1843,
  venue: 'Scientific Memoirs',
  doi: '',
  arxivId: '',
  url: '',
  sourceFile: 'old.bib',
  addedAt: `2026-01-01T00:00:0${id}.000Z`,
  updatedAt: '2026-01-01T00:00:00.000Z',
  notes: `note ${id}`,
  tags: ['history'],
  ...NO_DETAILS,
  ...extra,
});

const OLD = [paper('1', 'Sketch of the analytical engine'), paper('2', 'Notes by the translator')];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-migrate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withoutLater = (row: Record<string, unknown>, later: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !later.has(k)));

/** A library as format `version` wrote these papers: without the columns `later` formats added. */
async function createOldLibrary(
  version: number,
  later: ReadonlySet<string>,
  papers: Paper[] = OLD,
): Promise<void> {
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const old = new Schema(papersSchema.fields.filter((f) => !later.has(f.name)));
  const table = await db.createEmptyTable(PAPERS_TABLE, old);
  await table.add(papers.map((p) => withoutLater(paperToRow(p), later)));
  table.close();
  db.close();
  await writeMeta(dir, { format: 'quire-library', schemaVersion: version, createdAt: 'x' });
}

/** A library as format 2 wrote it: the fold column, but no volume, issue, edition or pages. */
const createFormat2Library = () => createOldLibrary(2, AFTER_2);

describe('library format 2 → 3 (volume, issue, edition, pages)', () => {
  it('opens an old library, keeps every paper with the new fields empty, and stores them from then on', async () => {
    await createFormat2Library();
    const store = await PaperStore.open(dir);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await readMeta(dir))?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await store.read(store.all().map((p) => p.id))).toEqual(OLD);
    await store.add([paper('3', 'Sketch of the analytical engine', { volume: '2', pages: '1–9' })]);
    await store.update([{ ...(await storedPaper(store, '1')), volume: '1' }]);
    await store.close();

    const again = await PaperStore.open(dir);
    expect(again.all().map((p) => [p.id, p.volume, p.pages])).toEqual([
      ['1', '1', ''],
      ['2', '', ''],
      ['3', '2', '1–9'],
    ]);
    await again.close();
  });

  it('is safe to run again after an interruption', async () => {
    await createFormat2Library();
    const step = MIGRATIONS.find((m) => m.from === 2)!;
    const db = await lancedb.connect(join(dir, 'lancedb'));
    await step.run(db);
    await step.run(db);
    db.close();
    const store = await PaperStore.open(dir);
    expect(await store.read(store.all().map((p) => p.id))).toEqual(OLD);
    await store.close();
  });
});

/** Papers whose abstracts differ in the ways a head tells apart: text, none, and only white space. */
const TEXTS = [
  paper('1', 'Sketch of the analytical engine'),
  paper('2', 'Notes by the translator', { abstract: '' }),
  paper('3', 'Diagram of the computation', { abstract: ' \n\u00a0' }),
  paper('4', 'Über Zahlen', { abstract: 'Bernoulli numbers, “Note G”, 🧮.' }),
];

/** Each row's stored text hash and has-abstract flag, read straight from the table. */
async function storedSummaries(): Promise<Record<string, unknown>[]> {
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const table = await db.openTable(PAPERS_TABLE);
  const out: Record<string, unknown>[] = [];
  for await (const batch of table.query().select(['id', ...SUMMARY]))
    out.push(...[...plainRows(batch)].map((r) => ({ ...r })));
  table.close();
  db.close();
  return out.sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

const expectedSummaries = (papers: Paper[]) =>
  papers.map((p) => {
    const h = headOf(p);
    return { id: p.id, textHash: h.textHash, hasAbstract: h.hasAbstract };
  });

describe('library format 3 → 4 (text hash and has-abstract columns)', () => {
  it('fills both columns from each paper’s title and abstract, and opens with the same heads', async () => {
    await createOldLibrary(3, AFTER_3, TEXTS);
    const store = await PaperStore.open(dir);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.all()).toEqual(TEXTS.map((p) => headOf(p)));
    expect(await store.read(TEXTS.map((p) => p.id))).toEqual(TEXTS);
    await store.close();
    // Failed before: format 3 had no such columns, so opening had to read every abstract.
    expect(await storedSummaries()).toEqual(expectedSummaries(TEXTS));
    expect(HEAD_COLUMNS).not.toContain('abstract');
  });

  it('keeps the columns current through later writes', async () => {
    await createOldLibrary(3, AFTER_3, TEXTS);
    const store = await PaperStore.open(dir);
    const edited = { ...(await storedPaper(store, '2')), abstract: 'Now it has one.' };
    const added = paper('5', 'Of the new engine', { abstract: '   ' });
    await store.update([edited]);
    await store.add([added]);
    await store.close();
    expect(await storedSummaries()).toEqual(
      expectedSummaries([TEXTS[0]!, edited, TEXTS[2]!, TEXTS[3]!, added]),
    );
  });

  it('leaves the indexes covering every rewritten row', async () => {
    await createOldLibrary(3, AFTER_3, TEXTS);
    const db = await lancedb.connect(join(dir, 'lancedb'));
    const table = await db.openTable(PAPERS_TABLE);
    await table.createIndex('id', { config: lancedb.Index.btree() });
    await table.createIndex('title', { config: lancedb.Index.fts() });
    await MIGRATIONS.find((m) => m.from === 3)!.run(db);
    await table.checkoutLatest();
    // Failed before the step optimized: the merged rows were outside both indexes (searched flat).
    for (const name of ['id_idx', 'title_idx'])
      expect(await table.indexStats(name)).toMatchObject({ numUnindexedRows: 0 });
    table.close();
    db.close();
  });

  it('writes only the two columns, a whole fragment at a time, moving no row', async () => {
    // Two fragments of 15k papers: a merge of 20k rows covered one and part of the other.
    const many = (from: number) =>
      Array.from({ length: 15_000 }, (_, i) => paper(String(from + i), `Paper ${from + i}`));
    await createOldLibrary(3, AFTER_3, many(0));
    const db = await lancedb.connect(join(dir, 'lancedb'));
    const table = await db.openTable(PAPERS_TABLE);
    await table.add(many(15_000).map((p) => withoutLater(paperToRow(p), AFTER_3)));
    await MIGRATIONS.find((m) => m.from === 3)!.run(db);
    await table.checkoutLatest();
    // Failed with merges of 20k rows: the second fragment's rows were deleted and written anew.
    const deleted = (await table.listVersions()).map((v) => v.metadata.total_deletion_file_rows);
    expect(new Set(deleted)).toEqual(new Set(['0']));
    expect(await table.countRows(`${TEXT_HASH_COLUMN} = ''`)).toBe(0);
    table.close();
    db.close();
  });

  it('is safe to run again after an interruption', async () => {
    await createOldLibrary(3, AFTER_3, TEXTS);
    const step = MIGRATIONS.find((m) => m.from === 3)!;
    const db = await lancedb.connect(join(dir, 'lancedb'));
    await step.run(db);
    await step.run(db);
    db.close();
    expect(await storedSummaries()).toEqual(expectedSummaries(TEXTS));
    const store = await PaperStore.open(dir);
    expect(await store.read(store.all().map((p) => p.id))).toEqual(TEXTS);
    await store.close();
  });
});
