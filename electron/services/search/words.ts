// Word-level text helpers shared by query expansion and the "why it matched" explanation: tokens as
// the index sees them (lower case, accents folded) and a light English stem to compare word forms.

/** Tantivy's English stop words (the FTS index drops these; so does the explanation). */
export const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** Lower case, NFKC, accents removed: "Schrödinger" → "schrodinger" (the index's ASCII folding). */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
}

/** Words of a text, folded; hyphenated compounds split into their parts. */
export function tokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words with their offsets in the original text (for highlights and explanations). */
export function tokenSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu))
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

const VOWEL = /[aeiouy]/u;

/**
 * A light English stem: plurals, -ing, -ed, -ly, -ation/-ational. Coarser than the index's Snowball
 * stemmer in places, but it only decides which words of a paper to name as matches, never what BM25
 * finds. "graphs" → "graph", "ranking"/"ranked" → "rank", "squashing" → "squash".
 */
export function lightStem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/u, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/[^su]s$/u.test(w) && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suf of ['ational', 'ation', 'ingly', 'edly', 'ing', 'ed', 'ly']) {
    if (w.endsWith(suf) && VOWEL.test(w.slice(0, -suf.length)) && w.length - suf.length >= 3) {
      w = w.slice(0, -suf.length);
      // "mapping" → "mapp" → "map"; but keep "ll", "ss", "zz" ("modelling" → "modell" stays close).
      if (/([^aeiouylsz])\1$/u.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w.replace(/e$/u, '') || w;
}
