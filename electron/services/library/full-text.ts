// The papers table's full-text search: the indexed columns, their boosts, how a query (as typed, or
// weighted clauses of the query and its expansions) becomes a LanceDB full-text query, and the
// index's tokenizer settings.
import * as lancedb from '@lancedb/lancedb';
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
