// How the text filter's word index (text-index.ts) splits a paper's searchable text (filter.ts) into
// words: maximal runs of letters, digits and marks, as WORD matches them, with a fast path for ASCII.
import type { Paper } from '@shared/api/schemas';
import { searchableText } from './filter';

export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** ASCII letters and digits; other characters below 128 end a word. */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0,
);
const OTHER_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Calls `fn` with each of the paper's words in its searchable text, as `text.match(WORD)` finds them
 * (a word met twice is given twice), with a fast path for ASCII.
 */
export function eachWord(p: Paper, fn: (word: string) => void): void {
  const text = searchableText(p);
  let start = -1;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character.
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    const inWord = c < 128 ? ASCII_WORD[c] === 1 : OTHER_WORD.test(text.slice(i, i + width));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      fn(text.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) fn(text.slice(start));
}

/** The paper's words (eachWord), each once, in the order first met. */
export function wordsOf(p: Paper): Set<string> {
  const out = new Set<string>();
  eachWord(p, (w) => out.add(w));
  return out;
}

/** The longest of a typed word's runs of letters and digits: the one looked up in the index. */
export function longest(runs: readonly string[]): string {
  return runs.reduce((a, b) => (b.length > a.length ? b : a));
}

/** A paper with a word of every kind in every field the index reads. */
const PROBE = {
  title: 'Graph-based GNNs: naïve Schrödinger_bridges, 深層学習 (ÉTÉ) 3D',
  abstract: 'x.y',
  authors: ['Ada Lovelace'],
  venue: 'V',
  notes: 'n;o',
  doi: '10.1/d',
  arxivId: '2101.1',
  tags: ['t-u'],
  year: 1999,
} as Paper;

/** How wordsOf splits a text, as a fingerprint: a saved index split otherwise is not read. */
export const WORD_SPLIT = [...wordsOf(PROBE)].join(' ');
