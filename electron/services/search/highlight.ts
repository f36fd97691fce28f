// Matched-term highlights: where the query's words (or their stems) start a word in a text.
import type { Span } from '../../../shared/api/schemas';

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were with we our via using'.split(
    ' ',
  ),
);

/** Crude English stem: enough to light up "graphs" for "graph" and "scaling" for "scale". */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s|e)$/u, '') || word;
}

export function queryTerms(query: string): string[] {
  const words =
    query
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [
    ...new Set(
      words
        .filter((w) => !STOP.has(w))
        .map(stem)
        .filter((w) => w.length >= 2),
    ),
  ];
}

/** Non-overlapping [start, end) spans of words in `text` that begin with one of the stems. */
export function highlight(text: string, terms: string[]): Span[] {
  if (terms.length === 0) return [];
  const spans: Span[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    if (terms.some((t) => word.startsWith(t) && word.length - t.length <= 4)) {
      spans.push([m.index, m.index + word.length]);
    }
  }
  return spans;
}
