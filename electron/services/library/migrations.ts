// Library format version: `quire-library.json` records the schema version; migrations bring old libraries forward.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '@lancedb/lancedb';
import { QuireError } from '@shared/api/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { KEEP_VERSIONS_MS, pruneOlderThan } from './lance-sql';
import { textSummary } from './paper-head';
import { plainRows } from './paper-rows';
import {
  FOLD_COLUMN,
  HAS_ABSTRACT_COLUMN,
  PAPERS_TABLE,
  SCHEMA_VERSION,
  TEXT_HASH_COLUMN,
  WORK_DETAIL_COLUMNS,
  paperToRow,
  rowToPaper,
  type PaperRow,
} from './schema';

export const META_FILE = 'quire-library.json';

export type LibraryMeta = { format: 'quire-library'; schemaVersion: number; createdAt: string };

/** A step from `from` to `from + 1`. It must be safe to re-run if interrupted (checked by tests). */
export type Migration = { from: number; describe: string; run(db: Connection): Promise<void> };

/** Rows rewritten per commit while filling a new column. */
const FILL_BATCH = 1_000;

/**
 * 1 → 2: the `fold` column (joined hyphenated compounds) that keyword search needs to match
 * "over-squashing" with "oversquashing". Its full-text index is built by the store like the others
 * (on the next search or import, under the write lock). Safe to re-run: the column is added once and
 * the rows are rewritten with the same values.
 */
async function addFoldColumn(db: Connection): Promise<void> {
  if (!(await db.tableNames()).includes(PAPERS_TABLE)) return;
  const table = await db.openTable(PAPERS_TABLE);
  try {
    const fields = (await table.schema()).fields.map((f) => f.name);
    if (!fields.includes(FOLD_COLUMN))
      await table.addColumns([{ name: FOLD_COLUMN, valueSql: "CAST('' AS STRING)" }]);
    const rows = (await table.query().toArray()) as PaperRow[];
    const own = new Set([...fields, FOLD_COLUMN]);
    // Only the columns this version of the table has: later formats' columns come with their own step.
    const changed = rows
      .map(rowToPaper)
      .map(paperToRow)
      .filter((r) => r[FOLD_COLUMN] !== '')
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => own.has(k))));
    for (let i = 0; i < changed.length; i += FILL_BATCH)
      await table
        .mergeInsert('id')
        .whenMatchedUpdateAll()
        .execute(changed.slice(i, i + FILL_BATCH));
  } finally {
    table.close();
  }
}

/**
 * 2 → 3: volume, issue, edition and pages, which until now lived only on import drafts, so volumes of
 * one work merged against the library and exports dropped them. Existing papers get ''. Safe to
 * re-run: only missing columns are added, and no row is rewritten.
 */
async function addWorkDetailColumns(db: Connection): Promise<void> {
  if (!(await db.tableNames()).includes(PAPERS_TABLE)) return;
  const table = await db.openTable(PAPERS_TABLE);
  try {
    const fields = new Set((await table.schema()).fields.map((f) => f.name));
    const missing = WORK_DETAIL_COLUMNS.filter((c) => !fields.has(c));
    if (missing.length > 0)
      await table.addColumns(missing.map((name) => ({ name, valueSql: "CAST('' AS STRING)" })));
  } finally {
    table.close();
  }
}

/**
 * 3 → 4: each paper's text hash and whether it has an abstract, so a large library opens without
 * reading its abstracts (paper-rows.ts). The columns are added empty (SQL, no row moved: SQL has no
 * SHA-1, the hash vectors are stored with), then filled by reading id, title and abstract and merging
 * back only the two columns, one fragment of the table per commit: LanceDB writes a merge that covers
 * whole fragments as new column files, but one that covers part of a fragment as whole new rows,
 * which the full-text indexes no longer cover (filled in batches of 20k rows, a 1M-paper library was
 * rewritten whole, and optimizing took 181 s more). The id index is brought up to date at the end.
 * Safe to re-run: only rows whose hash is still empty are filled.
 */
async function addTextSummaryColumns(db: Connection): Promise<void> {
  if (!(await db.tableNames()).includes(PAPERS_TABLE)) return;
  const table = await db.openTable(PAPERS_TABLE);
  try {
    const fields = new Set((await table.schema()).fields.map((f) => f.name));
    const columns = [
      { name: TEXT_HASH_COLUMN, valueSql: "CAST('' AS STRING)" },
      { name: HAS_ABSTRACT_COLUMN, valueSql: 'false' },
    ].filter((c) => !fields.has(c.name));
    if (columns.length > 0) await table.addColumns(columns);
    // Read from the version the pass started at; each commit makes a new one.
    const rows = table
      .query()
      .where(`${TEXT_HASH_COLUMN} = ''`)
      .select(['id', 'title', 'abstract'])
      .withRowId();
    let filled: PaperRow[] = [];
    let fragment = -1;
    const fill = async () => {
      if (filled.length > 0) await table.mergeInsert('id').whenMatchedUpdateAll().execute(filled);
      filled = [];
    };
    for await (const batch of rows) {
      for (const row of plainRows(batch)) {
        // A row id is its fragment's number (high 32 bits) and its place in it.
        const from = Number(BigInt(row._rowid as bigint | number) >> 32n);
        if (from !== fragment) await fill();
        fragment = from;
        const text = { title: String(row.title ?? ''), abstract: String(row.abstract ?? '') };
        filled.push({ id: row.id, ...textSummary(text) });
      }
    }
    const rewrote = fragment !== -1;
    await fill();
    if (rewrote) await table.optimize(pruneOlderThan(KEEP_VERSIONS_MS));
  } finally {
    table.close();
  }
}

/** Ordered steps; the one `from: n` brings a library from version n to n + 1. */
export const MIGRATIONS: Migration[] = [
  { from: 1, describe: 'add the compound-forms column for keyword search', run: addFoldColumn },
  {
    from: 2,
    describe: 'add the volume, issue, edition and pages columns',
    run: addWorkDetailColumns,
  },
  {
    from: 3,
    describe: 'add the text hash and has-abstract columns, so opening reads no abstract',
    run: addTextSummaryColumns,
  },
];

/** Where a library's description is kept: a file in its folder, or a table on an object store. */
export type MetaIo = {
  read(): Promise<LibraryMeta | null>;
  write(meta: LibraryMeta): Promise<void>;
};

export function fileMeta(dir: string): MetaIo {
  return { read: () => readMeta(dir), write: (meta) => writeMeta(dir, meta) };
}

export async function readMeta(dir: string): Promise<LibraryMeta | null> {
  let raw: string;
  try {
    raw = await readFile(join(dir, META_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const meta = JSON.parse(raw) as LibraryMeta;
    if (meta.format !== 'quire-library' || !Number.isInteger(meta.schemaVersion)) throw new Error();
    return meta;
  } catch {
    throw new QuireError(
      'invalid_file',
      `${join(dir, META_FILE)} is not a Quire library description.`,
    );
  }
}

export async function writeMeta(dir: string, meta: LibraryMeta): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, META_FILE), JSON.stringify(meta, null, 2) + '\n');
}

/** Brings the library to `target`, one step at a time, each recorded through `io`. */
export async function migrate(
  io: MetaIo,
  db: Connection,
  meta: LibraryMeta,
  migrations: Migration[] = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<LibraryMeta> {
  if (meta.schemaVersion > target) {
    throw new QuireError(
      'unavailable',
      `This library uses format version ${meta.schemaVersion}, newer than this Quire understands (${target}). Update Quire to open it.`,
    );
  }
  let current = meta;
  while (current.schemaVersion < target) {
    const step = migrations.find((m) => m.from === current.schemaVersion);
    if (!step) {
      throw new QuireError(
        'internal',
        `No migration from library format ${current.schemaVersion}.`,
      );
    }
    await step.run(db);
    current = { ...current, schemaVersion: current.schemaVersion + 1 };
    await io.write(current);
  }
  return current;
}
