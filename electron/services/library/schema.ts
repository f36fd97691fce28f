// The papers table: its Arrow schema, the current schema version, and row ↔ Paper conversion.
import { Bool, Field, Int32, List, Schema, Utf8 } from 'apache-arrow';
import type { Paper } from '@shared/api/schemas';
import { foldText } from '../search/compound';
import { textSummary, type TextSummary } from './paper-head';

/** Bump when the table's shape changes, and add a migration in migrations.ts. */
export const SCHEMA_VERSION = 4;

export const PAPERS_TABLE = 'papers';

/** The derived column of compound forms (not part of a Paper). */
export const FOLD_COLUMN = 'fold';

/** Version 3's columns: volume, issue, edition and pages, '' when the source gave none. */
export const WORK_DETAIL_COLUMNS = ['volume', 'issue', 'edition', 'pages'] as const;

/**
 * Version 4's columns: what a paper's in-memory head needs of its abstract (paper-head.ts), so a large
 * library opens without reading any abstract.
 */
export const TEXT_HASH_COLUMN = 'textHash' satisfies keyof TextSummary;
export const HAS_ABSTRACT_COLUMN = 'hasAbstract' satisfies keyof TextSummary;

const text = (name: string) => new Field(name, new Utf8(), false);
const textList = (name: string) =>
  new Field(name, new List(new Field('item', new Utf8(), true)), false);

export const papersSchema = new Schema([
  text('id'),
  text('title'),
  text('abstract'),
  textList('authors'),
  new Field('year', new Int32(), true),
  text('venue'),
  text('doi'),
  text('arxivId'),
  text('url'),
  text('sourceFile'),
  text('addedAt'),
  text('updatedAt'),
  text('notes'),
  textList('tags'),
  // Version 2: joined forms of hyphenated compounds, for full-text search only (see search/compound.ts).
  text(FOLD_COLUMN),
  // Version 3: what tells same-title works apart (volumes, editions), kept so exports carry them.
  ...WORK_DETAIL_COLUMNS.map(text),
  // Version 4: the hash of the embedded text and whether there is an abstract (derived, like fold).
  text(TEXT_HASH_COLUMN),
  new Field(HAS_ABSTRACT_COLUMN, new Bool(), false),
]);

export type PaperRow = Record<string, unknown>;

function strings(v: unknown): string[] {
  if (v == null) return [];
  return Array.from(v as Iterable<unknown>, (s) => String(s));
}

/** LanceDB returns Arrow vectors for list columns; turn a row into a plain Paper. */
export function rowToPaper(r: PaperRow): Paper {
  return {
    id: String(r.id),
    title: String(r.title ?? ''),
    abstract: String(r.abstract ?? ''),
    authors: strings(r.authors),
    year: r.year == null ? null : Number(r.year),
    venue: String(r.venue ?? ''),
    doi: String(r.doi ?? ''),
    arxivId: String(r.arxivId ?? ''),
    url: String(r.url ?? ''),
    sourceFile: String(r.sourceFile ?? ''),
    addedAt: String(r.addedAt ?? ''),
    updatedAt: String(r.updatedAt ?? ''),
    notes: String(r.notes ?? ''),
    tags: strings(r.tags),
    volume: String(r.volume ?? ''),
    issue: String(r.issue ?? ''),
    edition: String(r.edition ?? ''),
    pages: String(r.pages ?? ''),
  };
}

/**
 * A Paper as a table row, with its derived columns (`fold`, `textHash`, `hasAbstract`). Only the
 * table's columns are taken: an object with more (a paper head with its abstract added, say) writes
 * the same row.
 */
export function paperToRow(p: Paper): Record<string, unknown> {
  return {
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    authors: [...p.authors],
    year: p.year,
    venue: p.venue,
    doi: p.doi,
    arxivId: p.arxivId,
    url: p.url,
    sourceFile: p.sourceFile,
    addedAt: p.addedAt,
    updatedAt: p.updatedAt,
    notes: p.notes,
    tags: [...p.tags],
    [FOLD_COLUMN]: foldText(p.title, p.abstract),
    volume: p.volume,
    issue: p.issue,
    edition: p.edition,
    pages: p.pages,
    // The same two values a head keeps (textSummary), under their column names.
    ...textSummary(p),
  };
}
