// VectorStore: one LanceDB table per embedding model (`vectors__<model>`), holding each paper's vector
// and the hash of the text it was made from, so only new or changed papers are embedded again.
import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Schema, Utf8 } from 'apache-arrow';
import { normaliseRows } from '@shared/map/centroids';
import { RowIds, withPaperIds } from '../library/row-ids';
import { KEEP_VERSIONS_MS, pruneOlderThan, sqlString } from '../library/lance-sql';
import {
  connectLance,
  localLocation,
  tableStamper,
  type LibraryLocation,
} from '../library/location';

/** Below this many rows an exact scan is fast and perfect; above it an ANN index pays off. */
export const ANN_MIN_ROWS = 10_000;
/**
 * Partitions probed per query. With √n partitions searched by dot product, 10 probes found 0.944 of
 * the top 10 at 100k papers and 20 probes 0.994, in 1.6 and 1.9 ms (bench/search/latency.ts).
 */
export const DEFAULT_NPROBES = 20;
/**
 * Past ~400k papers, probe one partition in 33: at 1M papers (1,000 partitions) 15 probes gave
 * recall@10 0.955, 20 probes 0.973, 30 probes 0.988 and 40 0.990, all in 3.4–5.4 ms
 * (bench/scale/probes.ts on the bundled model's vectors of the bench's synthetic abstracts).
 */
export function probesFor(indexedRows: number): number {
  return Math.max(DEFAULT_NPROBES, Math.round(Math.sqrt(indexedRows) / 33));
}
/** Re-partition once the table has grown this much since the index was trained. */
const REBUILD_GROWTH = 2;
/**
 * Vectors are kept and searched as unit vectors by dot product, which ranks and scores them exactly
 * as cosine does (LanceDB's dot distance is 1 − x·y, its cosine distance 1 − cos) at a fraction of
 * the cost: at 1M papers (bench/scale/probes.ts) a top-100 search at 20 probes took 3.4–7.6 ms by
 * dot against 22–26 ms by cosine, which LanceDB's IVF_FLAT computes at ~0.5 µs a vector. The
 * partitions trained differ a little: recall@10 0.973 by dot, 0.985 by cosine (30 probes: 0.988).
 */
export const DISTANCE = 'dot';
type Distance = 'dot' | 'cosine' | 'l2';

/** `v` scaled to unit length (a copy); a zero vector stays zero. */
export function unit(v: Float32Array): Float32Array {
  const out = Float32Array.from(v);
  normaliseRows(out, 1, out.length);
  return out;
}

export type VectorRow = { id: string; hash: string; vector: Float32Array };
export type VectorHit = { id: string; similarity: number };

export function vectorTableName(modelId: string): string {
  return `vectors__${modelId.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase()}`;
}

export class VectorStore {
  /** id → text hash of the stored vector. */
  private readonly hashes = new Map<string, string>();
  private lock: Promise<unknown> = Promise.resolve();
  private indexed = false;
  /** Table version `hashes` reflects (see refresh). */
  private seenVersion = -1;
  private seenStamp = '';
  /** Rows when the index was last trained (0: unknown, e.g. an index from an earlier run). */
  private indexedRows = 0;
  /** The distance the index was trained for: an earlier version's cosine index is searched by cosine. */
  private indexDistance: Distance = DISTANCE;
  /** Bumped whenever the set of stored vectors may have changed (write, removal, reload). */
  private changes = 0;
  /** Row id → paper id, so a search never reads ids back (row-ids.ts). */
  private readonly rowIds: RowIds;

  private constructor(
    readonly modelId: string,
    readonly dims: number,
    private readonly db: lancedb.Connection,
    private readonly table: lancedb.Table,
    private readonly tableStamp: () => string,
  ) {
    this.rowIds = new RowIds(table);
  }

  static async open(
    where: string | LibraryLocation,
    modelId: string,
    dims: number,
  ): Promise<VectorStore> {
    const location = typeof where === 'string' ? localLocation(where) : where;
    const db = await connectLance(location);
    const name = vectorTableName(modelId);
    const schema = new Schema([
      new Field('id', new Utf8(), false),
      new Field('hash', new Utf8(), false),
      new Field('vector', new FixedSizeList(dims, new Field('item', new Float32(), true)), false),
    ]);
    const table = (await db.tableNames()).includes(name)
      ? await db.openTable(name)
      : await db.createEmptyTable(name, schema, { existOk: true });
    const store = new VectorStore(modelId, dims, db, table, tableStamper(location, name));
    await store.reload();
    return store;
  }

  private async reload(): Promise<void> {
    const version = await this.table.version();
    const rows = await this.table.query().select(['id', 'hash']).withRowId().toArray();
    this.rowIds.learn(rows);
    this.hashes.clear();
    for (const r of rows) this.hashes.set(String(r.id), String(r.hash));
    this.changes++;
    this.indexed = (await this.table.listIndices()).some((i) => i.columns.includes('vector'));
    const stats = this.indexed ? await this.table.indexStats('vector_idx') : undefined;
    this.indexedRows = stats?.numIndexedRows ?? 0;
    this.indexDistance = (stats?.distanceType as Distance | undefined) ?? DISTANCE;
    this.seenVersion = version;
  }

  /** Catches up with vectors written by other processes (called under the library's write lock). */
  refresh(): Promise<boolean> {
    return this.exclusive(async () => {
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

  /** For reads: refresh only when the table changed on disk since the last look. */
  catchUp(): Promise<boolean> {
    const stamp = this.tableStamp();
    if (stamp !== '' && stamp === this.seenStamp) return Promise.resolve(false);
    return this.refresh();
  }

  private async wrote(): Promise<void> {
    this.seenVersion = await this.table.version();
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  get count(): number {
    return this.hashes.size;
  }

  /** Changes whenever the stored vectors may have (for answers cached from them). */
  get revision(): number {
    return this.changes;
  }

  hashOf(id: string): string | undefined {
    return this.hashes.get(id);
  }

  ids(): IterableIterator<string> {
    return this.hashes.keys();
  }

  /**
   * Inserts or replaces vectors: papers without one are appended, the others replaced by id (one
   * commit each). A merge joins against every row of the table, so appending the new papers' vectors
   * (an import's) keeps a write's cost flat as the library grows: 1,024 rows into 100k took 29–148 ms
   * merged, 16–56 ms appended. Callers write under the library's lock after `refresh()`, so which ids
   * exist is known.
   */
  upsert(rows: VectorRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      const data = (rs: VectorRow[]) =>
        rs.map((r) => ({ id: r.id, hash: r.hash, vector: Array.from(unit(r.vector)) }));
      const fresh = rows.filter((r) => !this.hashes.has(r.id));
      const known = rows.filter((r) => this.hashes.has(r.id));
      try {
        if (fresh.length) {
          await this.table.add(data(fresh));
          for (const r of fresh) this.hashes.set(r.id, r.hash);
        }
        if (known.length) {
          await this.table
            .mergeInsert('id')
            .whenMatchedUpdateAll()
            .whenNotMatchedInsertAll()
            .execute(data(known));
          for (const r of known) this.hashes.set(r.id, r.hash);
        }
      } finally {
        this.changes++;
        await this.wrote();
      }
    });
  }

  remove(ids: string[]): Promise<void> {
    const present = ids.filter((id) => this.hashes.has(id));
    if (present.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      for (let i = 0; i < present.length; i += 1000) {
        await this.table.delete(
          `id IN (${present
            .slice(i, i + 1000)
            .map(sqlString)
            .join(', ')})`,
        );
      }
      for (const id of present) this.hashes.delete(id);
      this.changes++;
      await this.wrote();
    });
  }

  async vectorOf(id: string): Promise<Float32Array | null> {
    if (!this.hashes.has(id)) return null;
    const [row] = await this.table
      .query()
      .where(`id = ${sqlString(id)}`)
      .select(['vector'])
      .limit(1)
      .toArray();
    return row ? Float32Array.from(row.vector as Iterable<number>) : null;
  }

  /** Every stored vector, in one scan of id + vector: ids[i]'s vector is vectors[i·dims … (i+1)·dims). */
  async all(): Promise<{ ids: string[]; vectors: Float32Array; dims: number }> {
    const rows = await this.table.query().select(['id', 'vector']).toArray();
    const ids: string[] = [];
    const vectors = new Float32Array(rows.length * this.dims);
    for (const r of rows) {
      const v = Float32Array.from(r.vector as Iterable<number>);
      if (v.length !== this.dims) continue;
      vectors.set(v, ids.length * this.dims);
      ids.push(String(r.id));
    }
    return { ids, vectors: vectors.subarray(0, ids.length * this.dims), dims: this.dims };
  }

  /**
   * Nearest vectors by cosine similarity (dot product of unit vectors). `onlyIds` prefilters (exact
   * for small sets); `exact` bypasses the ANN index (used by the recall benchmark).
   */
  async search(
    vector: Float32Array,
    k: number,
    opts: { onlyIds?: string[]; exact?: boolean; nprobes?: number } = {},
  ): Promise<VectorHit[]> {
    if (opts.onlyIds?.length === 0) return [];
    const query = unit(vector);
    // A query with no direction (words the model does not know) is near nothing; by cosine every
    // distance came out NaN, by dot product every paper would be at similarity 0.
    if (!query.some((x) => x !== 0) || !query.every(Number.isFinite)) return [];
    const distance = this.indexed ? this.indexDistance : DISTANCE;
    const search = (columns: string[]) => {
      let q = this.table.query().nearestTo(query).distanceType(distance).select(columns).limit(k);
      if (opts.onlyIds) q = q.where(`id IN (${opts.onlyIds.map(sqlString).join(', ')})`);
      if (opts.exact) q = q.bypassVectorIndex();
      else if (this.indexed) q = q.nprobes(opts.nprobes ?? probesFor(this.indexedRows));
      return columns.includes('id') ? q.toArray() : q.withRowId().toArray();
    };
    const rows = await withPaperIds(
      this.rowIds,
      () => search(['_distance']),
      () => search(['id', '_distance']),
    );
    return rows
      .map(({ id, row }) => ({ id, similarity: 1 - Number(row._distance) }))
      .filter((h) => Number.isFinite(h.similarity));
  }

  /**
   * Builds the ANN index once the table is large enough, and re-trains it with √n partitions when the
   * table has doubled since: optimize() only appends rows to the old partitions, which at 10× growth
   * made queries scan ~20 % of the table (3.8× faster than exact instead of 15×).
   */
  ensureIndex(keepVersionsMs = KEEP_VERSIONS_MS): Promise<boolean> {
    return this.exclusive(async () => {
      const rows = this.hashes.size;
      if (rows < ANN_MIN_ROWS) return false;
      if (this.indexed && !this.indexOutdated && rows < this.indexedRows * REBUILD_GROWTH) {
        await this.table.optimize(pruneOlderThan(keepVersionsMs));
        await this.wrote();
        return true;
      }
      // IVF_FLAT keeps exact distances inside the probed partitions: recall stays high at 100-d.
      const numPartitions = Math.max(16, Math.round(Math.sqrt(rows)));
      await this.table.createIndex('vector', {
        config: lancedb.Index.ivfFlat({ numPartitions, distanceType: DISTANCE }),
        replace: true,
      });
      this.indexed = true;
      this.indexedRows = rows;
      this.indexDistance = DISTANCE;
      await this.wrote();
      return true;
    });
  }

  get hasIndex(): boolean {
    return this.indexed;
  }

  /** Whether the index was trained for another distance than today's (an earlier version's cosine). */
  get indexOutdated(): boolean {
    return this.indexed && this.indexDistance !== DISTANCE;
  }

  async close(): Promise<void> {
    await this.lock;
    this.table.close();
    this.db.close();
  }
}
