// PaperStore: the papers table on LanceDB (in a folder, or on object storage: location.ts), with an
// in-memory copy of every paper but its abstract for fast listing and sorting (LanceDB queries have no
// ORDER BY); abstracts are read from the table when needed, and not at all to open a large library
// (paper-head.ts, paper-rows.ts). Every write is one LanceDB commit, serialised by a lock.
import { mkdir } from 'node:fs/promises';
import type * as lancedb from '@lancedb/lancedb';
import type { Paper } from '@shared/api/schemas';
import { connectLance, localLocation, tableStamper, type LibraryLocation } from './location';
import { fileMeta, migrate, type Migration } from './migrations';
import { PAPERS_TABLE, SCHEMA_VERSION, paperToRow, papersSchema } from './schema';
import { IdentityIndex, olderFirst } from './identity-index';
import { headOf, type PaperHead, type PaperReader } from './paper-head';
import { RowIds } from './row-ids';
import { tableMeta } from './table-meta';
import { TextIndex } from './text-index';
import type { PaperIds } from './filter';
import { createIndex, ftsQuery, missingIndexes, searchTable, type FtsClause } from './full-text';
import { PaperCache } from './paper-cache';
import { SCAN_BATCH, WHOLE_OPEN_ROWS, readByHeads, readHeads, scanByHeads } from './paper-rows';
import { KEEP_VERSIONS_MS, pruneOlderThan, sqlString } from './lance-sql';

// LanceDB's FTS index build deadlocks on 2 cores past ~6k rows with its default pool (environment.md).
process.env.LANCE_CPU_THREADS ??= '4';

export type { FtsClause } from './full-text';

export type StoreOptions = {
  migrations?: Migration[];
  /** Libraries up to this many papers are read whole when opened (paper-rows.ts). */
  wholeOpenRows?: number;
};

export class PaperStore implements PaperReader {
  private readonly papers = new Map<string, PaperHead>();
  private lock: Promise<unknown> = Promise.resolve();
  /** Table version the in-memory copy reflects; another process's commit moves the table past it. */
  private seenVersion = -1;
  /** The table's on-disk stamp at the last refresh (see table-stamp.ts). */
  private seenStamp = '';
  /** Bumped whenever the in-memory copy changes, so derived tables (aliases) know to catch up. */
  private changes = 0;
  /** The table stamp at which every full-text index was last seen present. */
  private ftsSeenAt: string | undefined;
  /** Row id → paper id, so full-text search never reads ids back (row-ids.ts). */
  private readonly rowIds: RowIds;
  /** Words of the papers' text → papers, for the text filter (text-index.ts; kept on disk). */
  private readonly words: TextIndex;
  /** Identity key → papers, for an import's duplicate check (identity-index.ts). */
  private readonly identity = new IdentityIndex(
    () => this.papers.values(),
    (id) => this.papers.get(id),
  );

  /** Whole papers: all of a small library, the last read and written of a large one. */
  private readonly recent = new PaperCache();

  /** "Has the table changed?" without asking LanceDB (location.ts). */
  private readonly tableStamp: () => string;

  private constructor(
    readonly location: LibraryLocation,
    readonly schemaVersion: number,
    private readonly db: lancedb.Connection,
    private readonly table: lancedb.Table,
    private readonly wholeOpenRows: number,
  ) {
    this.rowIds = new RowIds(table);
    this.words = new TextIndex(this, location.localDir);
    this.tableStamp = tableStamper(location, PAPERS_TABLE);
  }

  /** The library folder on this machine (for a remote library, its personal files). */
  get dir(): string {
    return this.location.localDir;
  }

  /** Opens a library folder, or a library on an object store (location.ts). */
  static async open(where: string | LibraryLocation, opts: StoreOptions = {}): Promise<PaperStore> {
    const location = typeof where === 'string' ? localLocation(where) : where;
    await mkdir(location.localDir, { recursive: true });
    const db = await connectLance(location);
    const metaIo = location.remote ? tableMeta(db, location.name) : fileMeta(location.localDir);
    let meta = await metaIo.read();
    const names = await db.tableNames();
    if (!meta) {
      meta = {
        format: 'quire-library',
        schemaVersion: SCHEMA_VERSION,
        createdAt: new Date().toISOString(),
      };
      await metaIo.write(meta);
    } else {
      meta = await migrate(metaIo, db, meta, opts.migrations);
    }
    const table = names.includes(PAPERS_TABLE)
      ? await db.openTable(PAPERS_TABLE)
      : await db.createEmptyTable(PAPERS_TABLE, papersSchema, { existOk: true });
    const whole = opts.wholeOpenRows ?? WHOLE_OPEN_ROWS;
    const store = new PaperStore(location, meta.schemaVersion, db, table, whole);
    await store.reload();
    return store;
  }

  /** Runs `fn` after every earlier write has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads every paper's head again, a batch at a time (paper-rows.ts): a library small enough to be
   * held whole is read whole, filling the cache; a larger one reads no abstract.
   */
  private async reload(): Promise<void> {
    const version = await this.table.version();
    this.recent.clear();
    const whole = (await this.table.countRows()) <= this.wholeOpenRows;
    const { heads, rowIds } = await readHeads(this.table, whole, (p) => this.recent.offer(p));
    this.rowIds.learnMap(rowIds);
    // Insertion order = added order, which the "Added" sort relies on for ties.
    heads.sort(olderFirst);
    this.papers.clear();
    for (const p of heads) this.papers.set(p.id, p);
    this.identity.reset();
    this.words.reset();
    this.seenVersion = version;
    this.changed();
  }

  /** The papers changed: derived tables catch up (and reads under way keep nothing they read). */
  private changed(): void {
    this.changes++;
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
      this.seenStamp = this.tableStamp();
      const unmoved = this.rowIds.forget();
      await this.table.checkoutLatest();
      if ((await this.table.version()) === this.seenVersion) {
        unmoved();
        return false;
      }
      await this.reload();
      return true;
    });
  }

  /** For reads: refresh only when the table changed on disk since the last look (no LanceDB call otherwise). */
  catchUp(): Promise<boolean> {
    const stamp = this.tableStamp();
    if (stamp !== '' && stamp === this.seenStamp) return Promise.resolve(false);
    return this.refresh();
  }

  /** Changes whenever the papers change (any write, reload or rollback). */
  get revision(): number {
    return this.changes;
  }

  get count(): number {
    return this.papers.size;
  }

  all(): PaperHead[] {
    return [...this.papers.values()];
  }

  get(id: string): PaperHead | undefined {
    return this.papers.get(id);
  }

  /**
   * Whole papers in the order of `ids` (unknown ids are left out): from the cache of whole papers
   * (paper-cache.ts), the rest read from the table and kept there.
   */
  async read(ids: readonly string[]): Promise<Paper[]> {
    const revision = this.changes;
    const found = new Map<string, Paper>();
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.recent.get(id);
      if (hit) found.set(id, hit);
      else if (this.papers.has(id)) wanted.push(id);
    }
    const current = () => this.changes === revision;
    for (const p of await readByHeads(this.table, wanted, (id) => this.papers.get(id), current)) {
      found.set(p.id, p);
      // A write during the read may have changed the paper: only what is still current is kept.
      if (this.changes === revision) this.recent.set(p);
    }
    return ids.map((id) => found.get(id)).filter((p): p is Paper => !!p);
  }

  /** Every paper the library knows, whole, `size` at a time, one batch held at a time. */
  batches(size?: number): AsyncGenerator<Paper[]> {
    // A library held whole in the cache is not read again.
    if (this.recent.size === this.papers.size) return this.cachedBatches(size);
    return scanByHeads(this.table, (id) => this.papers.get(id), size);
  }

  private async *cachedBatches(size = SCAN_BATCH): AsyncGenerator<Paper[]> {
    const ids = [...this.papers.keys()];
    for (let i = 0; i < ids.length; i += size) {
      const batch = ids.slice(i, i + size).map((id) => this.recent.peek(id));
      if (batch.some((p) => !p)) {
        // Written to since the pass began: the rest is read from the table.
        yield* this.readOn(ids.slice(i), size);
        return;
      }
      yield batch as Paper[];
    }
  }

  private async *readOn(ids: string[], size: number): AsyncGenerator<Paper[]> {
    for (let i = 0; i < ids.length; i += size) yield this.read(ids.slice(i, i + size));
  }

  /** The papers holding an identity key (`doi:…`, `arxiv:…`, `title:…`), oldest first. */
  withKey(key: string): PaperHead[] {
    return this.identity.withKey(key);
  }

  /**
   * The ids of the papers whose text holds every typed word (lower-cased): from the word index once
   * it is built, by reading the table's text meanwhile (text-index.ts).
   */
  withWords(typed: readonly string[]): Promise<PaperIds> {
    return this.words.matching(typed);
  }

  /** Starts building the word index in the background, so the first text filter finds it ready. */
  warmWords(): void {
    this.words.warm();
  }

  /** Adds new papers in one commit: all or none of them are written. */
  add(papers: Paper[]): Promise<void> {
    if (papers.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      await this.table.add(papers.map(paperToRow));
      const heads = papers.map((p) => headOf(p));
      for (const h of heads) this.papers.set(h.id, h);
      for (const p of papers) this.recent.set(p);
      this.identity.added(heads);
      this.words.added(papers);
      this.changed();
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
        .execute(papers.map(paperToRow));
      const before = papers.map((p) => this.papers.get(p.id)).filter((p): p is PaperHead => !!p);
      const heads = papers.map((p) => headOf(p));
      for (const h of heads) this.papers.set(h.id, h);
      for (const p of papers) this.recent.set(p);
      this.identity.replaced(before, heads);
      this.words.replaced(before, papers);
      this.changed();
      await this.wrote();
    });
  }

  /** Deletes papers in one commit and returns those that existed, whole (for an undo). */
  remove(ids: string[]): Promise<Paper[]> {
    return this.exclusive(async () => {
      const found = await this.read(ids);
      for (let i = 0; i < found.length; i += 1000) {
        const chunk = found.slice(i, i + 1000);
        await this.table.delete(`id IN (${chunk.map((p) => sqlString(p.id)).join(', ')})`);
      }
      const heads = found.map((p) => this.papers.get(p.id)).filter((h): h is PaperHead => !!h);
      for (const p of found) {
        this.papers.delete(p.id);
        this.recent.delete(p.id);
      }
      this.identity.removed(heads);
      this.words.removed(heads);
      this.changed();
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
      this.rowIds.forget();
      await this.table.checkout(version);
      await this.table.restore();
      await this.reload();
    });
  }

  /**
   * Creates the full-text indexes on title, abstract and compound forms, and the id index that
   * `read()` looks papers up by, if they are missing.
   */
  ensureFtsIndex(): Promise<void> {
    return this.exclusive(async () => {
      for (const column of await missingIndexes(this.table)) {
        await createIndex(this.table, column);
        await this.wrote();
      }
    });
  }

  /**
   * True when every full-text index exists (searching then writes nothing). Asked before every search:
   * listing the indices cost ~3 ms of a hybrid query, so a table stamp (table-stamp.ts) at which they
   * were all present answers until the next commit, the only thing that can drop one.
   */
  async hasFtsIndex(): Promise<boolean> {
    const stamp = this.tableStamp();
    if (stamp !== '' && stamp === this.ftsSeenAt) return true;
    // The id index too: a library made before it is given it by the next search.
    const all = (await missingIndexes(this.table)).length === 0;
    this.ftsSeenAt = all ? stamp : undefined;
    return all;
  }

  /**
   * BM25 search over title (boosted) and abstract: the query as typed, or several weighted clauses
   * (the query and its expansions) whose scores add up. Rows written since the index was last built
   * are searched too (LanceDB scans them flat), so results are never stale.
   */
  async fullTextSearch(
    query: string | FtsClause[],
    k: number,
    onlyIds?: string[],
  ): Promise<{ id: string; score: number }[]> {
    if (onlyIds?.length === 0) return [];
    return searchTable(this.table, this.rowIds, ftsQuery(query), k, onlyIds);
  }

  /**
   * Compacts the small fragments that batched writes leave behind, adds the new rows to the indexes,
   * and removes the versions older than `keepVersionsMs`.
   */
  optimize(keepVersionsMs = KEEP_VERSIONS_MS): Promise<void> {
    return this.exclusive(async () => {
      await this.table.optimize(pruneOlderThan(keepVersionsMs));
      await this.wrote();
    });
  }

  async close(): Promise<void> {
    await this.lock;
    await this.words.close();
    this.table.close();
    this.db.close();
  }
}
