// How highlight search compares text: accents and compatibility forms folded, lower case, and the
// title order highlights are listed in.

/** Orders paper titles as people read them (case- and accent-blind, numbers by value). */
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Lower case, accents and compatibility forms folded: how search words and texts are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A query's folded words (none for an empty or absent query). */
export const foldedWords = (q: string | undefined): string[] =>
  fold(q ?? '')
    .split(/\s+/)
    .filter(Boolean);
