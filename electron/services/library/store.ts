// PaperStore: the papers table on LanceDB (on disk), with an in-memory copy for fast listing and
// sorting (LanceDB queries have no ORDER BY). Every write is one LanceDB commit, serialised by a lock.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import type { Paper } from '../../../shared/api/schemas';
import { migrate, readMeta, writeMeta, type Migration } from './migrations';
import { PAPERS_TABLE, SCHEMA_VERSION, papersSchema, rowToPaper } from './schema';
import { tableStamp } from './table-stamp';

// LanceDB's FTS index build deadlocks on 2 cores past ~6k rows with its default pool (environment.md).
process.env.LANCE_CPU_THREADS ??= '4';

const FTS_COLUMNS = ['title', 'abstract'] as const;
/** Title words count double: a title is a summary of the abstract. */
const FTS_BOOSTS = [2, 1] as const;

export type StoreOptions = { migrations?: Migration[] };

/** SQL string literal for LanceDB predicates. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export class PaperStore {
  private readonly papers = new Map<string, Paper>();
  private lock: Promise<unknown> = Promise.resolve();
  /** Table version the in-memory copy reflects; another process's commit moves the table past it. */
  private seenVersion = -1;
  /** The table's on-disk stamp at the last refresh (see table-stamp.ts). */
  private seenStamp = '';

  private constructor(
    readonly dir: string,
    readonly schemaVersion: number,
    private readonly db: lancedb.Connection,
    private readonly table: lancedb.Table,
  ) {}

  static async open(dir: string, opts: StoreOptions = {}): Promise<PaperStore> {
    await mkdir(dir, { recursive: true });
    const db = await lancedb.connect(join(dir, 'lancedb'));
    let meta = await readMeta(dir);
    const names = await db.tableNames();
    if (!meta) {
      meta = {
        format: 'quire-library',
        schemaVersion: SCHEMA_VERSION,
        createdAt: new Date().toISOString(),
      };
      await writeMeta(dir, meta);
    } else {
      meta = await migrate(dir, db, meta, opts.migrations);
    }
    const table = names.includes(PAPERS_TABLE)
      ? await db.openTable(PAPERS_TABLE)
      : await db.createEmptyTable(PAPERS_TABLE, papersSchema, { existOk: true });
    const store = new PaperStore(dir, meta.schemaVersion, db, table);
    await store.reload();
    return store;
  }

  /** Runs `fn` after every earlier write has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async reload(): Promise<void> {
    const version = await this.table.version();
    const rows = await this.table.query().toArray();
    const list = rows.map(rowToPaper);
    // Insertion order = added order, which the "Added" sort relies on for ties.
    list.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    this.papers.clear();
    for (const p of list) this.papers.set(p.id, p);
    this.seenVersion = version;
  }

  /** After our own commit: the copy already holds what we wrote. */
  private async wrote(): Promise<void> {
    this.seenVersion = await this.table.version();
  }

  /**
   * Catches up with commits made by other processes (the CLI while the app is open, say): moves the
   * table to its newest version and reloads the copy if that changed. Writers call it under the
   * library's write lock, so duplicate detection sees every paper committed before.
   */
  refresh(): Promise<boolean> {
    return this.exclusive(async () => {
      // Read before asking LanceDB: a commit landing in between shows up at the next look.
      this.seenStamp = tableStamp(this.tableDir);
      await this.table.checkoutLatest();
      if ((await this.table.version()) === this.seenVersion) return false;
      await this.reload();
      return true;
    });
  }

  /** For reads: refresh only when the table changed on disk since the last look (no LanceDB call otherwise). */
  catchUp(): Promise<boolean> {
    const stamp = tableStamp(this.tableDir);
    if (stamp !== '' && stamp === this.seenStamp) return Promise.resolve(false);
    return this.refresh();
  }

  private get tableDir(): string {
    return join(this.dir, 'lancedb', `${PAPERS_TABLE}.lance`);
  }

  get count(): number {
    return this.papers.size;
  }

  all(): Paper[] {
    return [...this.papers.values()];
  }

  get(id: string): Paper | undefined {
    return this.papers.get(id);
  }

  /** Adds new papers in one commit: all or none of them are written. */
  add(papers: Paper[]): Promise<void> {
    if (papers.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      await this.table.add(papers.map(toRow));
      for (const p of papers) this.papers.set(p.id, p);
      await this.wrote();
    });
  }

  /** Replaces existing papers (matched by id) in one commit. */
  update(papers: Paper[]): Promise<void> {
    if (papers.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      await this.table
        .mergeInsert('id')
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .execute(papers.map(toRow));
      for (const p of papers) this.papers.set(p.id, p);
      await this.wrote();
    });
  }

  /** Deletes papers in one commit and returns those that existed. */
  remove(ids: string[]): Promise<Paper[]> {
    return this.exclusive(async () => {
      const found = ids.map((id) => this.papers.get(id)).filter((p): p is Paper => !!p);
      for (let i = 0; i < found.length; i += 1000) {
        const chunk = found.slice(i, i + 1000);
        await this.table.delete(`id IN (${chunk.map((p) => sqlString(p.id)).join(', ')})`);
      }
      for (const p of found) this.papers.delete(p.id);
      await this.wrote();
      return found;
    });
  }

  version(): Promise<number> {
    return this.exclusive(() => this.table.version());
  }

  /** Makes `version` the newest state again (a new commit), e.g. to undo a failed import. */
  rollbackTo(version: number): Promise<void> {
    return this.exclusive(async () => {
      if ((await this.table.version()) === version) return;
      await this.table.checkout(version);
      await this.table.restore();
      await this.reload();
    });
  }

  /** Creates the full-text indexes on title and abstract if they are missing. */
  ensureFtsIndex(): Promise<void> {
    return this.exclusive(async () => {
      const have = new Set((await this.table.listIndices()).flatMap((i) => i.columns));
      for (const column of FTS_COLUMNS) {
        if (have.has(column)) continue;
        // Positions stay off: with them, optimize() fails after appends (LanceDB bug, environment.md).
        await this.table.createIndex(column, {
          config: lancedb.Index.fts({
            withPosition: false,
            stem: true,
            removeStopWords: true,
            asciiFolding: true,
            lowercase: true,
          }),
        });
        await this.wrote();
      }
    });
  }

  /** True when both full-text indexes exist (searching then writes nothing). */
  async hasFtsIndex(): Promise<boolean> {
    const have = new Set((await this.table.listIndices()).flatMap((i) => i.columns));
    return FTS_COLUMNS.every((c) => have.has(c));
  }

  /**
   * BM25 search over title (boosted) and abstract. Rows written since the index was last built are
   * searched too (LanceDB scans them flat), so results are never stale.
   */
  async fullTextSearch(
    query: string,
    k: number,
    onlyIds?: string[],
  ): Promise<{ id: string; score: number }[]> {
    if (onlyIds?.length === 0) return [];
    let q = this.table
      .query()
      .fullTextSearch(
        new lancedb.MultiMatchQuery(query, [...FTS_COLUMNS], { boosts: [...FTS_BOOSTS] }),
      )
      .select(['id', '_score'])
      .limit(k);
    if (onlyIds) q = q.where(`id IN (${onlyIds.map(sqlString).join(', ')})`);
    const rows = await q.toArray();
    return rows.map((r) => ({ id: String(r.id), score: Number(r._score) }));
  }

  /** Compacts the small fragments that batched writes leave behind. */
  optimize(): Promise<void> {
    return this.exclusive(async () => {
      await this.table.optimize();
      await this.wrote();
    });
  }

  async close(): Promise<void> {
    await this.lock;
    this.table.close();
    this.db.close();
  }
}

function toRow(p: Paper): Record<string, unknown> {
  return { ...p, authors: [...p.authors], tags: [...p.tags] };
}
