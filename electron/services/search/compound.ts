// Normalised forms for the keyword index (the `fold` column). Hyphenation: "over-squashing",
// "oversquashing" and "over squashing" are one word to a reader but three token sequences to BM25, so
// the index gets the joined form of every hyphenated compound, and queries get joined and split
// variants (expand.ts). Accents: LanceDB stems before it folds accents, so "Schrödinger" (unstemmed:
// the stemmer stops at "ö") never met "schrodinger" (stemmed to "schroding"); the folded spelling of
// every accented word goes here too, and queries are folded before they reach LanceDB.
import { fold } from './words';

/** Hyphen-like characters that join the parts of a compound ("-", U+2010 hyphen, U+2011 non-breaking). */
const HYPHENS = '\\-\u2010\u2011';
const COMPOUND = new RegExp(`[\\p{L}\\p{N}]+(?:[${HYPHENS}][\\p{L}\\p{N}]+)+`, 'gu');

/** The hyphenated compounds in `text`, folded ("over-squashing", "state-of-the-art", "erdos-renyi"). */
export function hyphenatedCompounds(text: string): string[] {
  return (fold(text).match(COMPOUND) ?? []).map((c) => c.replace(/[\u2010\u2011]/gu, '-'));
}

/** Accented words, folded ("Schrödinger" → "schrodinger"). */
export function accentedWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const f = fold(w);
    if (f !== w.toLowerCase()) out.push(f);
  }
  return out;
}

/** "over-squashing" → "oversquashing". */
export function joinCompound(compound: string): string {
  return compound.replace(new RegExp(`[${HYPHENS}]`, 'gu'), '');
}

/**
 * The text of the `fold` column: the joined form of each hyphenated compound and the folded form of
 * each accented word in title and abstract, space-separated. Neither token occurs in the title or
 * abstract columns as LanceDB indexes them, so searching all three counts no word twice (except an
 * accented word the stemmer leaves alone, a small bonus).
 */
export function foldText(title: string, abstract: string): string {
  const text = `${title}\n${abstract}`;
  return [...hyphenatedCompounds(text).map(joinCompound), ...accentedWords(text)].join(' ');
}
