// Papers read from the papers table: by id (`id IN (…)`, answered by the id index) whole, or their
// abstracts alone to complete the heads in memory; all of them a batch at a time (one batch of
// abstracts held at once); or every paper's head without its abstract.
import type * as lancedb from '@lancedb/lancedb';
import type { RecordBatch } from 'apache-arrow';
import type { Paper } from '@shared/api/schemas';
import { sqlString } from './lance-sql';
import { headOf, paperOf, textSummary, type PaperHead } from './paper-head';
import {
  FOLD_COLUMN,
  HAS_ABSTRACT_COLUMN,
  TEXT_HASH_COLUMN,
  papersSchema,
  rowToPaper,
  type PaperRow,
} from './schema';

const DERIVED: ReadonlySet<string> = new Set([FOLD_COLUMN, TEXT_HASH_COLUMN, HAS_ABSTRACT_COLUMN]);

/** The columns a Paper is made of (the table's derived columns are not read back). */
export const PAPER_COLUMNS = papersSchema.fields.map((f) => f.name).filter((n) => !DERIVED.has(n));

/** The columns a paper's head is made of: the abstract's place is taken by what is derived from it. */
export const HEAD_COLUMNS = [
  ...PAPER_COLUMNS.filter((n) => n !== 'abstract'),
  TEXT_HASH_COLUMN,
  HAS_ABSTRACT_COLUMN,
];

/**
 * Libraries up to this many papers are read whole when opened, filling the cache of whole papers
 * (paper-cache.ts) as they always were; larger ones read heads only (at 1M papers the abstracts read at
 * opening took 1.5 GB through Arrow buffers, and glibc kept most of it).
 */
export const WHOLE_OPEN_ROWS = 100_000;

/**
 * Every paper's head with its row id, a batch at a time; with `whole`, the whole papers too, handed
 * to `keep`. A head whose text hash is missing (a row no format-4 writer wrote) is made from its
 * paper, read by id.
 */
export async function readHeads(
  table: lancedb.Table,
  whole: boolean,
  keep: (p: Paper) => void,
): Promise<{ heads: PaperHead[]; rowIds: Map<number, string> }> {
  const heads: PaperHead[] = [];
  const rowIds = new Map<number, string>();
  const unsummed: string[] = [];
  const columns = whole ? [...PAPER_COLUMNS, TEXT_HASH_COLUMN, HAS_ABSTRACT_COLUMN] : HEAD_COLUMNS;
  for await (const batch of table.query().select(columns).withRowId()) {
    for (const row of plainRows(batch)) {
      const paper = rowToPaper(row);
      rowIds.set(Number(row._rowid), paper.id);
      const hash = row[TEXT_HASH_COLUMN];
      if (whole) keep(paper);
      if (typeof hash === 'string' && hash !== '')
        heads.push(headOf(paper, { textHash: hash, hasAbstract: !!row[HAS_ABSTRACT_COLUMN] }));
      else if (whole) heads.push(headOf(paper));
      else unsummed.push(paper.id);
    }
  }
  for (const p of await readPapers(table, unsummed)) heads.push(headOf(p));
  return { heads, rowIds };
}
/**
 * Papers per batch when the whole table is read. A batch is held while its papers are used, and held
 * through a young-generation collection it is copied, then promoted: with a large library's heads in
 * the heap every promotion costs. At 1M papers a pass (the text filter's scan) took 16–19 s in
 * batches of 2,048 papers, 9–12 s in batches of 256.
 */
export const SCAN_BATCH = 256;
/** Ids per `id IN (…)` read. */
const READ_CHUNK = 500;

/**
 * A batch's rows as plain objects, read column by column: reading the rows through Arrow's row
 * proxies took 4.0 s for 100k papers, by column 2.3 s (the batches themselves 0.8 s).
 */
export function* plainRows(batch: RecordBatch): Generator<PaperRow> {
  const names = batch.schema.fields.map((f) => f.name);
  const columns = names.map((n) => batch.getChild(n)!);
  for (let i = 0; i < batch.numRows; i++) {
    const row: PaperRow = {};
    for (let j = 0; j < names.length; j++) row[names[j]!] = columns[j]!.get(i);
    yield row;
  }
}

/** The rows of these ids that the table holds (`columns` of each), `READ_CHUNK` ids a query. */
async function* rowsById(
  table: lancedb.Table,
  ids: readonly string[],
  columns: string[],
): AsyncGenerator<PaperRow> {
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    const chunk = ids.slice(i, i + READ_CHUNK);
    const batches = await table
      .query()
      .where(`id IN (${chunk.map(sqlString).join(', ')})`)
      .select(columns)
      .toArrow();
    for (const batch of batches.batches) yield* plainRows(batch);
  }
}

/** The papers of these ids that the table holds, in no particular order. */
export async function readPapers(table: lancedb.Table, ids: readonly string[]): Promise<Paper[]> {
  const out: Paper[] = [];
  for await (const row of rowsById(table, ids, PAPER_COLUMNS)) out.push(rowToPaper(row));
  return out;
}

/**
 * The papers of these ids, made from their heads and their abstracts, read alone: at 1M papers ten
 * abstracts by id took 5.0 ms, ten whole rows 8.7 ms. Should a write land during the read (`current`
 * false after it, or a head whose text hash does not match its abstract), they are read whole.
 */
export async function readByHeads(
  table: lancedb.Table,
  ids: readonly string[],
  headOfId: (id: string) => PaperHead | undefined,
  current: () => boolean,
): Promise<Paper[]> {
  const out: Paper[] = [];
  for (const [id, abstract] of await readAbstracts(table, ids)) {
    const head = headOfId(id);
    if (!head || !current()) return readPapers(table, ids);
    const paper = paperOf(head, abstract);
    if (textSummary(paper).textHash !== head.textHash) return readPapers(table, ids);
    out.push(paper);
  }
  return out;
}

/** The abstracts of the papers of these ids that the table holds, by id. */
async function readAbstracts(
  table: lancedb.Table,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const row of rowsById(table, ids, ['id', 'abstract']))
    out.set(String(row.id), String(row.abstract ?? ''));
  return out;
}

/**
 * Every paper the library knows (`headOfId`), `size` at a time in the table's order, made from its
 * head and its abstract, the abstract read alone: at 1M papers a pass reading the whole rows took
 * 22.5 s, the abstracts alone 6.6 s. A row whose text hash is not its head's (written during the pass)
 * is read whole; a row the library does not know (yet) is left out. Rows are read as the caller asks
 * for them, so a full pass holds one batch of abstracts at a time.
 */
export async function* scanByHeads(
  table: lancedb.Table,
  headOfId: (id: string) => PaperHead | undefined,
  size = SCAN_BATCH,
): AsyncGenerator<Paper[]> {
  let out: Paper[] = [];
  let changed: string[] = [];
  const batch = async () => {
    const papers = changed.length ? [...out, ...(await readPapers(table, changed))] : out;
    out = [];
    changed = [];
    return papers;
  };
  for await (const rows of table.query().select(['id', 'abstract', TEXT_HASH_COLUMN])) {
    for (const row of plainRows(rows)) {
      const head = headOfId(String(row.id));
      if (!head) continue;
      if (row[TEXT_HASH_COLUMN] === head.textHash)
        out.push(paperOf(head, String(row.abstract ?? '')));
      else changed.push(head.id);
      if (out.length + changed.length >= size) yield await batch();
    }
  }
  if (out.length + changed.length) yield await batch();
}
