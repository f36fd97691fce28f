// How well a paper's title answers what a user is typing (the `@` reference picker): exact title first,
// then titles starting with the text, then titles holding its words, then papers matching elsewhere.
import { titleKey } from './identity';

/** Match tiers, best first; a lower number ranks higher. */
export const TITLE_MATCH = { exact: 0, prefix: 1, phrase: 2, words: 3, elsewhere: 4 } as const;
export type TitleMatchTier = (typeof TITLE_MATCH)[keyof typeof TITLE_MATCH];

/**
 * The tier of `title` for the typed `text`. The last typed word may be unfinished ("Neu" for
 * "Neural"), so it matches as a word prefix; earlier words must be whole title words.
 */
export function titleMatchTier(text: string, title: string): TitleMatchTier {
  const q = titleKey(text);
  const t = titleKey(title);
  if (!q) return TITLE_MATCH.elsewhere;
  if (t === q) return TITLE_MATCH.exact;
  if (t.startsWith(q)) return TITLE_MATCH.prefix;
  if (` ${t}`.includes(` ${q}`)) return TITLE_MATCH.phrase;
  const qWords = q.split(' ');
  const tWords = t.split(' ');
  const last = qWords.length - 1;
  const all = qWords.every((w, i) =>
    i === last ? tWords.some((tw) => tw.startsWith(w)) : tWords.includes(w),
  );
  return all ? TITLE_MATCH.words : TITLE_MATCH.elsewhere;
}

/** Orders papers for `text` by tier, then shorter titles (closer to what was typed), then `tieBreak`. */
export function byTitleMatch<T extends { title: string }>(
  text: string,
  tieBreak: (a: T, b: T) => number,
): (a: T, b: T) => number {
  const tiers = new Map<string, TitleMatchTier>();
  const tier = (p: T) => {
    let v = tiers.get(p.title);
    if (v === undefined) tiers.set(p.title, (v = titleMatchTier(text, p.title)));
    return v;
  };
  return (a, b) => {
    const d = tier(a) - tier(b);
    if (d !== 0) return d;
    // Within the prefix and phrase tiers a shorter title is the likelier target.
    if (tier(a) <= TITLE_MATCH.phrase && a.title.length !== b.title.length)
      return a.title.length - b.title.length;
    return tieBreak(a, b);
  };
}
