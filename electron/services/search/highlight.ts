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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Spans of multi-word phrases (an expansion's "graph neural network", "over-squashing"): the words in
 * order, apart by spaces or hyphens, the last one with any ending ("networks"). Lighting the words
 * one by one would mark every "over" and every "graph".
 */
export function phraseSpans(text: string, phrases: string[]): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    const words = phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 2) continue;
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.map(escape).join('[\\s\\-\u2010\u2011]+')}[\\p{L}]{0,4}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Word and phrase spans together, in order, overlaps merged. */
export function mergeSpans(...lists: Span[][]): Span[] {
  const all = lists.flat().sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}
