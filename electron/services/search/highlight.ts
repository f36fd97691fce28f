// Matched-term highlights: the whole words of a text that share a stem with a query word.
import type { Span } from '@shared/api/schemas';
import { stem } from '@shared/search/stem';

const STOP = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the their this to was were with we our via using'.split(
    ' ',
  ),
);

/** A word as the keyword index sees it: lower case, accents folded ("Schrödinger" = "schrodinger"). */
function fold(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * The stem of a word as written. Porter2 keeps the "s" of an acronym's plural ("GNNs": no vowel
 * before it), so a capitalised acronym followed by "s" is stemmed without it: "GNNs" is one "GNN".
 */
function stemOf(word: string): string {
  let out = STEMS.get(word);
  if (out === undefined) {
    out = stem(fold(/^\p{Lu}{2,}s$/u.test(word) ? word.slice(0, -1) : word));
    // A library's vocabulary is bounded, but a pathological import should not grow this forever.
    if (STEMS.size >= 100_000) STEMS.clear();
    STEMS.set(word, out);
  }
  return out;
}

/** Stems by word as written: every search stems the same abstracts' words again. */
const STEMS = new Map<string, string>();

/** The query's words as Porter2 stems (the index's stemmer), stop words dropped. */
export function queryTerms(query: string): string[] {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return [
    ...new Set(
      words
        .filter((w) => !STOP.has(fold(w)))
        .map(stemOf)
        .filter((w) => w.length >= 2),
    ),
  ];
}

/**
 * Non-overlapping [start, end) spans of the whole words in `text` whose stem is one of `terms`:
 * "networks" lights "network", but "how" does not light "However" (stems "how" and "howev").
 */
export function highlight(text: string, terms: string[]): Span[] {
  if (terms.length === 0) return [];
  const wanted = new Set(terms);
  const spans: Span[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (wanted.has(stemOf(m[0]))) spans.push([m.index, m.index + m[0].length]);
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
