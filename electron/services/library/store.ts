// PaperStore: the papers table on LanceDB (in a folder, or on object storage: location.ts), with an
// in-memory copy for fast listing and sorting (LanceDB queries have no ORDER BY). Every write is one
// LanceDB commit, serialised by a lock.
import { mkdir } from 'node:fs/promises';
import * as lancedb from '@lancedb/lancedb';
import type { Paper } from '@shared/api/schemas';
import { connectLance, localLocation, tableStamper, type LibraryLocation } from './location';
import { fileMeta, migrate, type Migration } from './migrations';
import {
  FOLD_COLUMN,
  PAPERS_TABLE,
  SCHEMA_VERSION,
  paperToRow,
  papersSchema,
  rowToPaper,
} from './schema';
import { IdentityIndex, olderFirst } from './identity-index';
import { RowIds, withPaperIds } from './row-ids';
import { tableMeta } from './table-meta';
import { TextIndex } from './text-index';

// LanceDB's FTS index build deadlocks on 2 cores past ~6k rows with its default pool (environment.md).
process.env.LANCE_CPU_THREADS ??= '4';

const FTS_COLUMNS = ['title', 'abstract', FOLD_COLUMN] as const;
/** Title words count double: a title is a summary of the abstract. */
const TITLE_BOOST = 2;
/** The fold column holds normalised forms from title and abstract alike: between the two. */
const FOLD_BOOST = 1.5;

/**
 * One part of a keyword query: its words are searched in title, abstract and their normalised forms
 * (compounds joined, accents folded), BM25 scores multiplied by `weight` and summed with the other
 * parts'. `allWords` asks for every word in one column (AND, not OR).
 */
export type FtsClause = { text: string; weight: number; allWords?: boolean };

function clauseQuery(c: FtsClause): lancedb.MultiMatchQuery {
  return new lancedb.MultiMatchQuery(c.text, [...FTS_COLUMNS], {
    boosts: [TITLE_BOOST * c.weight, c.weight, FOLD_BOOST * c.weight],
    operator: c.allWords ? lancedb.Operator.And : lancedb.Operator.Or,
  });
}

export type StoreOptions = { migrations?: Migration[] };

/**
 * Table versions older than this are removed when a table is optimized. LanceDB keeps 7 days of them
 * by default, and every optimize() rewrites the whole table (compaction below 1M rows): a library
 * grown to 640k papers in 10k imports took 51 GB of disk, and 100k papers 1.36 GB instead of 0.23 GB.
 * Nothing reads old versions for long: an import's rollback goes back to the version it started from
 * while it holds the write lock (nothing optimizes meanwhile), and a reader in another process catches
 * up with the newest version before each read. A minute covers a read under way; with back-to-back
 * imports (one every ~20 s at 300k papers) it keeps about three copies of the table, not hundreds.
 */
export const KEEP_VERSIONS_MS = 60_000;

/** What optimize() is given to drop the versions older than `keepMs`. */
export function pruneOlderThan(keepMs: number): { cleanupOlderThan: Date } {
  return { cleanupOlderThan: new Date(Date.now() - keepMs) };
}

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
  /** Bumped whenever the in-memory copy changes, so derived tables (aliases) know to catch up. */
  private changes = 0;
  /** The table stamp at which every full-text index was last seen present. */
  private ftsSeenAt: string | undefined;
  /** Row id → paper id, so full-text search never reads ids back (row-ids.ts). */
  private readonly rowIds: RowIds;
  /** Words of the papers' text → papers, for the text filter (text-index.ts). */
  private readonly words = new TextIndex(
    () => this.papers.values(),
    (id) => this.papers.get(id),
  );
  /** Identity key → papers, for an import's duplicate check (identity-index.ts). */
  private readonly identity = new IdentityIndex(
    () => this.papers.values(),
    (id) => this.papers.get(id),
  );

  /** "Has the table changed?" without asking LanceDB (location.ts). */
  private readonly tableStamp: () => string;

  private constructor(
    readonly location: LibraryLocation,
    readonly schemaVersion: number,
    private readonly db: lancedb.Connection,
    private readonly table: lancedb.Table,
  ) {
    this.rowIds = new RowIds(table);
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
    const store = new PaperStore(location, meta.schemaVersion, db, table);
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
    const rows = await this.table.query().withRowId().toArray();
    this.rowIds.learn(rows);
    const list = rows.map(rowToPaper);
    // Insertion order = added order, which the "Added" sort relies on for ties.
    list.sort(olderFirst);
    this.papers.clear();
    for (const p of list) this.papers.set(p.id, p);
    this.identity.reset();
    this.words.reset();
    this.seenVersion = version;
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

  all(): Paper[] {
    return [...this.papers.values()];
  }

  get(id: string): Paper | undefined {
    return this.papers.get(id);
  }

  /** The papers holding an identity key (`doi:…`, `arxiv:…`, `title:…`), oldest first. */
  withKey(key: string): Paper[] {
    return this.identity.withKey(key);
  }

  /**
   * The ids of the papers whose text holds every typed word, or undefined when the caller must scan
   * (the index is still being built in the background, or a word has no letter or digit).
   */
  withWords(typed: readonly string[]): ReadonlySet<string> | undefined {
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
      for (const p of papers) this.papers.set(p.id, p);
      this.identity.added(papers);
      this.words.added(papers);
      this.changes++;
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
      const before = papers.map((p) => this.papers.get(p.id)).filter((p): p is Paper => !!p);
      for (const p of papers) this.papers.set(p.id, p);
      this.identity.replaced(before, papers);
      this.words.replaced(before, papers);
      this.changes++;
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
      this.identity.removed(found);
      this.words.removed(found);
      this.changes++;
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

  /** Creates the full-text indexes on title, abstract and compound forms if they are missing. */
  ensureFtsIndex(): Promise<void> {
    return this.exclusive(async () => {
      const have = new Set((await this.table.listIndices()).flatMap((i) => i.columns));
      for (const column of FTS_COLUMNS) {
        if (have.has(column)) continue;
        // Positions stay off: with them, optimize() fails after appends (LanceDB bug, environment.md).
        // English Snowball stemming and stop words, accents folded ("Schrödinger" = "schrodinger").
        await this.table.createIndex(column, {
          config: lancedb.Index.fts({
            withPosition: false,
            baseTokenizer: 'simple',
            language: 'English',
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

  /**
   * True when every full-text index exists (searching then writes nothing). Asked before every search:
   * listing the indices cost ~3 ms of a hybrid query, so a table stamp (table-stamp.ts) at which they
   * were all present answers until the next commit, the only thing that can drop one.
   */
  async hasFtsIndex(): Promise<boolean> {
    const stamp = this.tableStamp();
    if (stamp !== '' && stamp === this.ftsSeenAt) return true;
    const have = new Set((await this.table.listIndices()).flatMap((i) => i.columns));
    const all = FTS_COLUMNS.every((c) => have.has(c));
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
    const clauses = typeof query === 'string' ? [{ text: query, weight: 1 }] : query;
    const fts =
      clauses.length === 1
        ? clauseQuery(clauses[0]!)
        : new lancedb.BooleanQuery(
            clauses.map(
              (c) =>
                [lancedb.Occur.Should, clauseQuery(c)] as [lancedb.Occur, lancedb.FullTextQuery],
            ),
          );
    const search = (columns: string[]) => {
      let q = this.table.query().fullTextSearch(fts).select(columns).limit(k);
      if (onlyIds) q = q.where(`id IN (${onlyIds.map(sqlString).join(', ')})`);
      return columns.includes('id') ? q.toArray() : q.withRowId().toArray();
    };
    const rows = await withPaperIds(
      this.rowIds,
      () => search(['_score']),
      () => search(['id', '_score']),
    );
    return rows.map(({ id, row }) => ({ id, score: Number(row._score) }));
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
    this.table.close();
    this.db.close();
  }
}
