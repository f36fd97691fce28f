// The one tokenizer of search's own text handling (keyword expansion, "why it matched", soft matching,
// feedback): words folded as the index folds them (lower case, accents removed), split on anything
// that is not a letter or digit (as the bundled model's BERT pre-tokenizer does), plus the two word
// filters built on it and a light English stem to compare word forms.

/** Tantivy's English stop words (the FTS index drops these; so does the explanation). */
export const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/**
 * Words that carry no topic for query expansion (soft matching, feedback): the index's stop words
 * and more, including the boilerplate of abstracts ("propose", "approach", "results").
 */
export const EXPANSION_STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had ' +
    'has have having he her here hers him his how i if in into is it its itself just me more most my ' +
    'no nor not now of off on once only or other our ours out over own same she should so some such ' +
    'than that the their theirs them then there these they this those through to too under until up ' +
    'us very was we were what when where which while who whom why will with would you your yours ' +
    'via using use used based show shows shown paper propose proposed approach method methods results ' +
    'however while thus therefore among across within without well new one two three many much may ' +
    'like instead rather whether often way ways make makes made get gets'
  ).split(' '),
);

/** Lower case, NFKC, accents removed: "Schrödinger" → "schrodinger" (the index's ASCII folding). */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Words of a text, folded; hyphenated compounds split into their parts. */
export function tokens(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** Words with their offsets in the original text (for highlights and explanations). */
export function tokenSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN))
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

export function isStopWord(w: string): boolean {
  return EXPANSION_STOP.has(w);
}

/** A token worth expanding or matching: two characters or more, not a number, not a stop word. */
export function isContentWord(w: string): boolean {
  return w.length >= 2 && !EXPANSION_STOP.has(w) && !/^\d+$/u.test(w);
}

/** Content words of a text in order (duplicates kept: term frequency matters to feedback). */
export function words(text: string): string[] {
  return tokens(text).filter(isContentWord);
}

/**
 * A crude stem used only to tell variants of one word apart from real expansions ("networks" is not
 * an expansion of "network"); the keyword index does its own stemming.
 */
export function stemKey(w: string): string {
  return w.replace(/(ations?|ings?|ers?|ies|ed|es|s|ly|al)$/u, '').slice(0, 6);
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
