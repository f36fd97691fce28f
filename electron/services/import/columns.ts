// Field-name aliases shared by the tabular (CSV/TSV) and JSONL importers, covering the column names
// of Zotero, Mendeley, EndNote and Scopus exports.
import type { RawDraft } from './limits';

/**
 * Accepted names per Quire field, compared lower-case with spaces, dashes, underscores, dots and
 * brackets removed, in order of preference. A row's value is the first non-empty one among them,
 * so Zotero's "Date" backs up its "Publication Year", and both tag columns are read.
 */
export const ALIASES: Record<keyof RawDraft, string[]> = {
  title: ['title', 'papertitle', 'articletitle', 'documenttitle'],
  // Zotero: "Abstract Note".
  abstract: ['abstract', 'abstractnote', 'summary'],
  // Scopus: "Author full names" ("Family, Given (id)") is less tidy than "Authors".
  authors: ['authors', 'author', 'creators'],
  // Zotero: "Publication Year" (a number) before "Date" (free text).
  year: ['year', 'publicationyear', 'date', 'published', 'issued'],
  // Zotero: "Publication Title"; EndNote: "Secondary Title"; Scopus: "Source title"; Mendeley: "Source".
  venue: [
    'venue',
    'journal',
    'booktitle',
    'containertitle',
    'publicationtitle',
    'publication',
    'secondarytitle',
    'sourcetitle',
    'source',
  ],
  // EndNote keeps the DOI in "Electronic Resource Number".
  doi: ['doi', 'electronicresourcenumber'],
  arxivId: ['arxivid', 'arxiv', 'eprint'],
  url: ['url', 'link'],
  notes: ['notes', 'note', 'researchnotes'],
  // Zotero: "Manual Tags" and "Automatic Tags"; Scopus: "Author Keywords", "Index Keywords".
  tags: [
    'tags',
    'keywords',
    'keyword',
    'manualtags',
    'automatictags',
    'authorkeywords',
    'indexkeywords',
  ],
  volume: ['volume'],
  // EndNote calls the issue "Number".
  issue: ['issue', 'number'],
  edition: ['edition'],
  // Scopus: "Page start".
  pages: ['pages', 'page', 'pagestart'],
};

/** Fields read from every matching column rather than the first (see csv.ts). */
const JOINED: ReadonlySet<keyof RawDraft> = new Set(['tags']);

export const squash = (name: string): string => name.toLowerCase().replace(/[\s_.()-]+/g, '');

/** Maps each Quire field to the first matching key of a record/header, if any. */
export function matchColumns(keys: string[]): Partial<Record<keyof RawDraft, string>> {
  const out: Partial<Record<keyof RawDraft, string>> = {};
  for (const [field, list] of Object.entries(matchColumnLists(keys))) {
    if (list[0]) out[field as keyof RawDraft] = list[0];
  }
  return out;
}

/** Maps each Quire field to every matching key, in order of preference. */
export function matchColumnLists(keys: string[]): Record<keyof RawDraft, string[]> {
  const byName = new Map<string, string>();
  for (const k of keys) if (!byName.has(squash(k))) byName.set(squash(k), k);
  const out = {} as Record<keyof RawDraft, string[]>;
  for (const [field, names] of Object.entries(ALIASES) as [keyof RawDraft, string[]][]) {
    out[field] = names.flatMap((n) => (byName.has(n) ? [byName.get(n)!] : []));
    // Joined columns read in the file's order (Keywords, then Tags, as the user sees them).
    if (JOINED.has(field)) out[field].sort((a, b) => keys.indexOf(a) - keys.indexOf(b));
  }
  return out;
}
