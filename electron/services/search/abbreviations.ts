// Abbreviation definitions in running text, after Schwartz & Hearst (2003), "A simple algorithm for
// identifying abbreviation definitions in biomedical text": "graph neural networks (GNNs)" or
// "GNN (graph neural network)". The library's abstracts teach search its own abbreviations.

export type Definition = {
  /** The abbreviation without a plural "s": "GNN". */
  short: string;
  /** The long form in lower case, singular, hyphens as spaces: "graph neural network". */
  long: string;
};

const MAX_SHORT_CHARS = 10;
const ROMAN = /^[ivxlcdm]+$/iu;

const isAlnum = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/**
 * A plausible abbreviation: 2–10 characters, at most two words, starts with a letter or digit, has a
 * capital letter (so "(ours)" or "(see above)" are not), and is not a number, a roman numeral or a
 * citation year.
 */
function isShortForm(s: string): boolean {
  if (s.length < 2 || s.length > MAX_SHORT_CHARS) return false;
  if (s.split(/\s+/u).length > 2) return false;
  if (!isAlnum(s[0])) return false;
  if (!/\p{Lu}/u.test(s)) return false;
  if (!/\p{L}/u.test(s) || ROMAN.test(s)) return false;
  return true;
}

/**
 * The Schwartz–Hearst match: every letter or digit of the short form, right to left, found in order in
 * the candidate, the first one at the start of a word. Returns the shortest long form that ends the
 * candidate, or null.
 */
export function bestLongForm(short: string, candidate: string): string | null {
  let s = short.length - 1;
  let l = candidate.length - 1;
  for (; s >= 0; s--) {
    const c = short[s]!.toLowerCase();
    if (!isAlnum(c)) continue;
    while (
      (l >= 0 && candidate[l]!.toLowerCase() !== c) ||
      (s === 0 && l > 0 && isAlnum(candidate[l - 1]))
    )
      l--;
    if (l < 0) return null;
    l--;
  }
  const start = candidate.lastIndexOf(' ', l) + 1;
  return candidate.slice(start);
}

/** "graph neural networks" for "GNNs" → "graph neural network"; hyphens become spaces. */
function normaliseLong(long: string): string {
  let out = long
    .toLowerCase()
    .replace(/[-\u2010\u2011]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // "Graph Neural Networks (GNN)" and "graph neural networks (GNNs)" define one alias: singular.
  if (/[^siu]s$/u.test(out)) out = out.slice(0, -1);
  return out;
}

function words(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean);
}

/** Checks and normalises one (short, candidate) pair; null when it is not a definition. */
function define(shortRaw: string, candidate: string): Definition | null {
  const short = shortRaw.trim();
  if (!isShortForm(short)) return null;
  // Long-form window: at most min(|SF| + 5, 2·|SF|) words before the parenthesis.
  const limit = Math.min(short.length + 5, short.length * 2);
  const window = words(candidate).slice(-limit).join(' ');
  const long = bestLongForm(short, window);
  if (!long) return null;
  const longWords = words(long);
  if (long.length <= short.length) return null;
  if (longWords.length < 2 && !/[-\u2010\u2011]/u.test(long)) return null;
  if (longWords.length > limit) return null;
  // A long form that contains its own abbreviation explains nothing ("the GNN model (GNN)").
  if (long.toLowerCase().includes(short.toLowerCase())) return null;
  const plural = /\p{Lu}s$/u.test(short);
  return {
    short: plural ? short.slice(0, -1) : short,
    long: normaliseLong(long),
  };
}

/** The text before `end` back to the start of its sentence (or clause). */
function sentenceBefore(text: string, end: number): string {
  const head = text.slice(0, end);
  const cut = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('; '),
    head.lastIndexOf(': '),
    head.lastIndexOf(')'),
    head.lastIndexOf('('),
  );
  return head.slice(cut + 1).trim();
}

/** Every abbreviation definition in `text`, in order of appearance. */
export function findDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(/\(([^()]{1,120})\)/gu)) {
    // "(GNNs; Kipf 2017)" → "GNNs".
    const inside = m[1]!.split(/[;,]/u)[0]!.trim();
    const before = sentenceBefore(text, m.index);
    if (!before) continue;
    let def = define(inside, before);
    if (!def) {
      // The reverse pattern: "GNN (graph neural network)".
      const last = /([^\s]+)\s*$/u.exec(before)?.[1];
      const longWords = words(inside);
      if (last && longWords.length >= 2 && longWords.length <= MAX_SHORT_CHARS + 5) {
        const short = last.replace(/[^\p{L}\p{N}-]+$/u, '');
        const d = define(short, inside);
        // The whole parenthesis must be the long form, not just its end.
        if (d && normaliseLong(inside) === d.long) def = d;
      }
    }
    if (def) out.push(def);
  }
  return out;
}
