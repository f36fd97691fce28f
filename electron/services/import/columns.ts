// Field-name aliases shared by the tabular (CSV/TSV) and JSONL importers.
import type { RawDraft } from './limits';

/** Accepted names per Quire field, compared lower-case with spaces, dashes and underscores removed. */
export const ALIASES: Record<keyof RawDraft, string[]> = {
  title: ['title', 'papertitle'],
  abstract: ['abstract', 'summary'],
  authors: ['authors', 'author', 'creators'],
  year: ['year', 'date', 'published', 'publicationyear', 'issued'],
  venue: ['venue', 'journal', 'booktitle', 'containertitle', 'publication', 'publicationtitle'],
  doi: ['doi'],
  arxivId: ['arxivid', 'arxiv', 'eprint'],
  url: ['url', 'link'],
  notes: ['notes', 'note'],
  tags: ['tags', 'keywords', 'keyword'],
};

export const squash = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

/** Maps each Quire field to the first matching key of a record/header, if any. */
export function matchColumns(keys: string[]): Partial<Record<keyof RawDraft, string>> {
  const byName = new Map<string, string>();
  for (const k of keys) if (!byName.has(squash(k))) byName.set(squash(k), k);
  const out: Partial<Record<keyof RawDraft, string>> = {};
  for (const [field, names] of Object.entries(ALIASES) as [keyof RawDraft, string[]][]) {
    const hit = names.find((n) => byName.has(n));
    if (hit) out[field] = byName.get(hit);
  }
  return out;
}
