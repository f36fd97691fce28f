// Library format 2 → 3 on a real LanceDB folder: a library written before papers had volume, issue,
// edition and pages opens, keeps every paper, and reads those fields as ''; the step is safe to re-run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { Schema } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Paper } from '@shared/api/schemas';
import { MIGRATIONS, readMeta, writeMeta } from './migrations';
import {
  PAPERS_TABLE,
  SCHEMA_VERSION,
  WORK_DETAIL_COLUMNS,
  paperToRow,
  papersSchema,
} from './schema';
import { storedPaper } from '../../../tests/support/paper';
import { PaperStore } from './store';

const DETAILS: ReadonlySet<string> = new Set(WORK_DETAIL_COLUMNS);
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

/** A library as format 2 wrote it: the fold column, but no volume, issue, edition or pages. */
async function createFormat2Library(): Promise<void> {
  const db = await lancedb.connect(join(dir, 'lancedb'));
  const v2 = new Schema(papersSchema.fields.filter((f) => !DETAILS.has(f.name)));
  const table = await db.createEmptyTable(PAPERS_TABLE, v2);
  await table.add(
    OLD.map(paperToRow).map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !DETAILS.has(k))),
    ),
  );
  table.close();
  db.close();
  await writeMeta(dir, { format: 'quire-library', schemaVersion: 2, createdAt: 'x' });
}

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
