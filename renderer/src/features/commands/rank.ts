// Palette ranking: what the user typed matched against a command's title first, then its keywords,
// and only then loosely (letters in order), so "dark" runs "Toggle theme", not "Search papers".

/** Words of a title or keyword, lower case: "Go to Map" → ["go", "to", "map"]. */
function wordsOf(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The letters of `needle` occur in `hay` in order ("tgth" in "toggle theme"). */
function inOrder(needle: string, hay: string): boolean {
  let i = 0;
  for (const c of hay) if (c === needle[i] && ++i === needle.length) return true;
  return needle.length === 0;
}

/**
 * A score in [0, 1] for cmdk's `filter` (0 hides the command): exact title 1; every typed word the
 * start of a title word 0.9; a keyword equal to, or starting with, the text 0.8 / 0.7; the text inside
 * the title 0.5; its letters in order in the title 0.1.
 */
export function paletteScore(search: string, title: string, keywords: readonly string[]): number {
  const q = search.trim().toLowerCase();
  if (!q) return 1;
  const t = title.toLowerCase();
  if (t === q) return 1;
  const titleWords = wordsOf(title);
  const typed = wordsOf(q);
  if (typed.length && typed.every((w) => titleWords.some((tw) => tw.startsWith(w)))) return 0.9;
  const keys = keywords.map((k) => k.toLowerCase());
  if (keys.includes(q)) return 0.8;
  if (keys.some((k) => k.startsWith(q))) return 0.7;
  if (t.includes(q)) return 0.5;
  return inOrder(q.replace(/\s+/g, ''), t.replace(/\s+/g, '')) ? 0.1 : 0;
}
