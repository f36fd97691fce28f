// Row ids → paper ids, so that a search asks LanceDB for row ids and scores only and never reads the
// `id` column back: at 100k papers, reading the 100 ids of a result cost 3.4 of an 8 ms vector search
// and 1.8 of a 7.6 ms full-text search (measured on LanceDB directly; hybrid p50 in
// bench/search/latency.ts).
//
// Why a stale table is safe: a row id is (fragment << 32 | offset). Lance never reuses a fragment id
// (new fragments, compacted ones included, take the next one) and never changes a row in place (an
// update writes a new row and deletes the old), so an entry learnt at any version still names the
// same paper at every later one. A stale table can only miss (rows written since); a miss is answered
// by reading the ids as before, and starts one background re-scan. Nothing promises that a restore
// to an earlier version (undo of an import) never hands out fragment ids again, so the owner calls
// forget() before its table moves to a version it did not write, and learn() on the reload after;
// a scan that started before either is dropped.
import type * as lancedb from '@lancedb/lancedb';

type Row = Record<string, unknown>;

export class RowIds {
  private ids = new Map<number, string>();
  private scanning: Promise<void> | undefined;
  /** Bumped by every learn(): a scan begun under an older one is stale. */
  private generation = 0;

  constructor(private readonly table: lancedb.Table) {}

  /** Replaces what is known with the rows of a full read made `withRowId()` (a reload reads them). */
  learn(rows: Row[]): void {
    const ids = new Map<number, string>();
    for (const r of rows) ids.set(Number(r._rowid), String(r.id));
    this.learnMap(ids);
  }

  /** Replaces what is known with `ids` (row id → paper id), read in full by a reload. */
  learnMap(ids: Map<number, string>): void {
    this.ids = ids;
    this.generation++;
  }

  /**
   * Forgets every row: called before the table moves to a version it did not write itself (another
   * process's commits, a restore), so no search in between is named from the old rows. Returns a
   * function that takes the rows back, for when the table turned out not to have moved.
   */
  forget(): () => void {
    const ids = this.ids;
    const generation = ++this.generation;
    this.ids = new Map();
    // The table did not move after all: what was known still holds, unless learnt anew since.
    return () => {
      if (this.generation === generation) this.ids = ids;
    };
  }

  /** The paper ids of `rows` (each with `_rowid`), or undefined if any is unknown. */
  resolve(rows: Row[]): string[] | undefined {
    const out: string[] = [];
    for (const r of rows) {
      const id = this.ids.get(Number(r._rowid));
      if (id === undefined) {
        void this.rescan();
        return undefined;
      }
      out.push(id);
    }
    return out;
  }

  /** Learns every row's id again, once at a time; never rejects (a failed scan is retried on a miss). */
  rescan(): Promise<void> {
    const generation = this.generation;
    this.scanning ??= this.table
      .query()
      .select(['id'])
      .withRowId()
      .toArray()
      .then(
        (rows: Row[]) => {
          if (generation === this.generation) this.learn(rows);
        },
        () => undefined,
      )
      .finally(() => {
        this.scanning = undefined;
      });
    return this.scanning;
  }
}

/**
 * Runs `query`, which asks for row ids and no `id`, and names its rows through `ids`; on a miss (rows
 * written since the ids were learnt) runs `withIds`, which reads the `id` column as before.
 */
export async function withPaperIds(
  ids: RowIds,
  query: () => Promise<Row[]>,
  withIds: () => Promise<Row[]>,
): Promise<{ id: string; row: Row }[]> {
  const rows = await query();
  const resolved = ids.resolve(rows);
  if (resolved) return rows.map((row, i) => ({ id: resolved[i]!, row }));
  return (await withIds()).map((row) => ({ id: String(row.id), row }));
}
