// Words of a query or a paper for query expansion: lower case, accents folded, split on anything
// that is not a letter or digit (as the bundled model's BERT pre-tokenizer does), stop words dropped.

const STOP = new Set(
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

export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/** Content words in order (duplicates kept: term frequency matters to feedback). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !STOP.has(w));
}

/**
 * A crude stem used only to tell variants of one word apart from real expansions ("networks" is not
 * an expansion of "network"); the keyword index does its own stemming.
 */
export function stemKey(w: string): string {
  return w.replace(/(ations?|ings?|ers?|ies|ed|es|s|ly|al)$/, '').slice(0, 6);
}
