// Library format version: `quire-library.json` records the schema version; migrations bring old libraries forward.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '@lancedb/lancedb';
import { QuireError } from '../../../shared/api/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { SCHEMA_VERSION } from './schema';

export const META_FILE = 'quire-library.json';

export type LibraryMeta = { format: 'quire-library'; schemaVersion: number; createdAt: string };

/** A step from `from` to `from + 1`. It must be safe to re-run if interrupted (checked by tests). */
export type Migration = { from: number; describe: string; run(db: Connection): Promise<void> };

/**
 * Version 1 is the first format, so there is nothing to migrate yet. The mechanism is exercised by
 * tests with a synthetic step; real steps go here, e.g. `{ from: 1, describe: 'add column x', run }`.
 */
export const MIGRATIONS: Migration[] = [];

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

/** Brings the library at `dir` to `target`, one recorded step at a time. */
export async function migrate(
  dir: string,
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
    await writeMeta(dir, current);
  }
  return current;
}
