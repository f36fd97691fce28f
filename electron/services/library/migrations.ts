// Library format version: `quire-library.json` records the schema version; migrations bring old libraries forward.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '@lancedb/lancedb';
import { QuireError } from '@shared/api/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import {
  FOLD_COLUMN,
  PAPERS_TABLE,
  SCHEMA_VERSION,
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

/** Ordered steps; the one `from: n` brings a library from version n to n + 1. */
export const MIGRATIONS: Migration[] = [
  { from: 1, describe: 'add the compound-forms column for keyword search', run: addFoldColumn },
  {
    from: 2,
    describe: 'add the volume, issue, edition and pages columns',
    run: addWorkDetailColumns,
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
