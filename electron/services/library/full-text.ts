// The papers table's full-text search: the indexed columns, their boosts, how a query (as typed, or
// weighted clauses of the query and its expansions) becomes a LanceDB full-text query, and the
// index's tokenizer settings; the search itself, and the indexes it needs.
import * as lancedb from '@lancedb/lancedb';
import { sqlString } from './lance-sql';
import { withPaperIds, type RowIds } from './row-ids';
import { FOLD_COLUMN } from './schema';

export const FTS_COLUMNS = ['title', 'abstract', FOLD_COLUMN] as const;
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

/** The query as typed, or several weighted clauses whose scores add up. */
export function ftsQuery(query: string | FtsClause[]): lancedb.FullTextQuery {
  const clauses = typeof query === 'string' ? [{ text: query, weight: 1 }] : query;
  if (clauses.length === 1) return clauseQuery(clauses[0]!);
  return new lancedb.BooleanQuery(
    clauses.map(
      (c) => [lancedb.Occur.Should, clauseQuery(c)] as [lancedb.Occur, lancedb.FullTextQuery],
    ),
  );
}

/**
 * English Snowball stemming and stop words, accents folded ("Schrödinger" = "schrodinger").
 * Positions stay off: with them, optimize() fails after appends (LanceDB bug, environment.md).
 */
export function ftsIndexConfig(): lancedb.Index {
  return lancedb.Index.fts({
    withPosition: false,
    baseTokenizer: 'simple',
    language: 'English',
    stem: true,
    removeStopWords: true,
    asciiFolding: true,
    lowercase: true,
  });
}

/** The indexes search needs (full text on each column, the id B-tree) that `table` lacks. */
export async function missingIndexes(table: lancedb.Table): Promise<string[]> {
  const have = new Set((await table.listIndices()).flatMap((i) => i.columns));
  return ['id', ...FTS_COLUMNS].filter((c) => !have.has(c));
}

/** Creates one of the indexes search needs: on `id`, a B-tree, which `read()` looks papers up by. */
export function createIndex(table: lancedb.Table, column: string): Promise<void> {
  // `id IN (…)` of 100 ids at 100k papers took 7.5 ms scanning, 4.7 ms with the B-tree.
  const config = column === 'id' ? lancedb.Index.btree() : ftsIndexConfig();
  return table.createIndex(column, { config });
}

/**
 * The top `k` papers for `query` (of `onlyIds`, if given) with their BM25 scores, the paper ids known
 * from the row ids where possible (row-ids.ts).
 */
export async function searchTable(
  table: lancedb.Table,
  rowIds: RowIds,
  query: lancedb.FullTextQuery,
  k: number,
  onlyIds?: readonly string[],
): Promise<{ id: string; score: number }[]> {
  const search = (columns: string[]) => {
    let q = table.query().fullTextSearch(query).select(columns).limit(k);
    if (onlyIds) q = q.where(`id IN (${onlyIds.map(sqlString).join(', ')})`);
    return columns.includes('id') ? q.toArray() : q.withRowId().toArray();
  };
  const rows = await withPaperIds(
    rowIds,
    () => search(['_score']),
    () => search(['id', '_score']),
  );
  return rows.map(({ id, row }) => ({ id, score: Number(row._score) }));
}
