// English Snowball (Porter2) stemmer, the algorithm the keyword index stems with (LanceDB FTS,
// tantivy's "en" stemmer), so highlights and the index agree on which words are one word.
// Algorithm: https://snowballstem.org/algorithms/english/stemmer.html. Written here because no
// Porter2 package is installed; stem.test.ts checks it against the reference implementation
// (Debian's python3-snowballstemmer) on every word of the sample feed.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const LI_ENDING = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};
const AFTER_1A = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'earring',
  'proceed',
  'exceed',
  'succeed',
]);

const STEP2: Record<string, string> = {
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  abli: 'able',
  entli: 'ent',
  izer: 'ize',
  ization: 'ize',
  ational: 'ate',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  aliti: 'al',
  alli: 'al',
  fulness: 'ful',
  ousli: 'ous',
  ousness: 'ous',
  iveness: 'ive',
  iviti: 'ive',
  biliti: 'ble',
  bli: 'ble',
  ogi: 'og',
  fulli: 'ful',
  lessli: 'less',
  li: '',
};
const STEP2_KEYS = Object.keys(STEP2);
const STEP3: Record<string, string> = {
  tional: 'tion',
  ational: 'ate',
  alize: 'al',
  icate: 'ic',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
  ative: '',
};
const STEP3_KEYS = Object.keys(STEP3);

const isVowel = (w: string, i: number) => VOWELS.has(w[i]!);

/** Start of the region after the first non-vowel following a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w, i) && isVowel(w, i - 1)) return i + 1;
  return w.length;
}

/** A short syllable ending at `i` (exclusive end = i + 1). */
function shortSyllableEndingAt(w: string, i: number): boolean {
  if (i === 1) return isVowel(w, 0) && !isVowel(w, 1);
  return (
    i >= 2 &&
    !isVowel(w, i - 2) &&
    isVowel(w, i - 1) &&
    !isVowel(w, i) &&
    !['w', 'x', 'Y'].includes(w[i]!)
  );
}

/** The longest of `suffixes` that `w` ends with, or undefined. */
function longest(w: string, suffixes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const s of suffixes) if (w.endsWith(s) && (!best || s.length > best.length)) best = s;
  return best;
}

const hasVowel = (s: string) => [...s].some((c) => VOWELS.has(c));

/** The Porter2 stem of one lower-case word. */
export function stem(input: string): string {
  let w = input;
  if (w.length <= 2) return w;
  const exception = EXCEPTIONS[w];
  if (exception) return exception;
  if (w.startsWith("'")) w = w.slice(1);
  // y as a consonant: at the start or after a vowel.
  let chars = [...w];
  chars = chars.map((c, i) => (c === 'y' && (i === 0 || VOWELS.has(chars[i - 1]!)) ? 'Y' : c));
  w = chars.join('');
  const special = ['gener', 'commun', 'arsen'].find((p) => w.startsWith(p));
  const r1 = special ? special.length : regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffix: string) => w.length - suffix.length >= r1;
  const inR2 = (suffix: string) => w.length - suffix.length >= r2;
  const cut = (n: number) => (w = w.slice(0, w.length - n));
  const isShort = () => shortSyllableEndingAt(w, w.length - 1) && r1 >= w.length;

  // Step 0: apostrophes.
  const s0 = longest(w, ["'s'", "'s", "'"]);
  if (s0) cut(s0.length);

  // Step 1a: plurals.
  const s1a = longest(w, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (s1a === 'sses') cut(2);
  else if (s1a === 'ied' || s1a === 'ies') w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  else if (s1a === 's' && hasVowel(w.slice(0, -2))) cut(1);
  if (AFTER_1A.has(w)) return w;

  // Step 1b: -ed, -ing.
  const s1b = longest(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (inR1(s1b)) w = w.slice(0, -s1b.length) + 'ee';
  } else if (s1b && hasVowel(w.slice(0, -s1b.length))) {
    cut(s1b.length);
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (DOUBLES.some((d) => w.endsWith(d))) cut(1);
    else if (isShort()) w += 'e';
  }

  // Step 1c: y → i after a consonant that is not the first letter.
  if (w.length > 2 && /[yY]$/u.test(w) && !isVowel(w, w.length - 2)) w = w.slice(0, -1) + 'i';

  // Step 2.
  const s2 = longest(w, STEP2_KEYS);
  if (s2 && inR1(s2)) {
    const before = w[w.length - s2.length - 1];
    if (s2 === 'ogi') {
      if (before === 'l') w = w.slice(0, -3) + 'og';
    } else if (s2 === 'li') {
      if (before && LI_ENDING.has(before)) cut(2);
    } else w = w.slice(0, -s2.length) + STEP2[s2];
  }

  // Step 3.
  const s3 = longest(w, STEP3_KEYS);
  if (s3 && inR1(s3) && (s3 !== 'ative' || inR2(s3))) w = w.slice(0, -s3.length) + STEP3[s3];

  // Step 4.
  const s4 = longest(w, [
    'al',
    'ance',
    'ence',
    'er',
    'ic',
    'able',
    'ible',
    'ant',
    'ement',
    'ment',
    'ent',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize',
    'ion',
  ]);
  if (s4 && inR2(s4)) {
    if (s4 !== 'ion') cut(s4.length);
    else if (/[st]ion$/u.test(w)) cut(3);
  }

  // Step 5.
  if (w.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !shortSyllableEndingAt(w, w.length - 2))) cut(1);
  } else if (w.endsWith('ll') && inR2('l')) cut(1);

  return w.replace(/Y/gu, 'y');
}
