// Personal names by the BibTeX rules (First von Last, von Last, First, von Last, Jr, First; braces protect),
// and the one string form Quire stores a name in, chosen so that exports can split it back exactly.
//
// Quire keeps an author as one string. "Given Family" is the form users read, but it loses where the family
// name starts ("Carlos A. Coello Coello"). So a name is stored as "First von Last" when the BibTeX rules read
// that string back into the same parts, and otherwise in BibTeX's own inverted form "von Last, Jr, First"
// ("Coello Coello, Carlos A.", "King, Jr., Martin Luther"). Exporters parse stored names with `parseName`.
//
// One deliberate difference from BibTeX 0.99: words are split on spaces and `~` only, not on hyphens, so
// "Zhao-qian Chen" keeps "Zhao-qian" as the given name (BibTeX would make "qian" a von part).

export type NameParts = { first: string; von: string; last: string; jr: string };

const EMPTY: NameParts = { first: '', von: '', last: '', jr: '' };

/** Splits `s` at depth-0 occurrences found by `at` (which returns the separator length, or 0). */
function splitTop(s: string, at: (s: string, i: number) => number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const len = at(s, i);
      if (len > 0) {
        out.push(s.slice(start, i));
        i += len - 1;
        start = i + 1;
      }
    }
  }
  out.push(s.slice(start));
  return out;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '~' || (!!c && /\s/.test(c));

/** The words of one comma-part of a name. */
function words(part: string): string[] {
  return splitTop(part, (s, i) => (isSpace(s[i]) ? 1 : 0))
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Commands that stand for a letter, and whether that letter is lower-case. */
const LETTER_COMMANDS: Record<string, boolean> = {
  i: true,
  j: true,
  o: true,
  l: true,
  aa: true,
  ae: true,
  oe: true,
  ss: true,
  dh: true,
  th: true,
  ng: true,
  dj: true,
  O: false,
  L: false,
  AA: false,
  AE: false,
  OE: false,
  DH: false,
  TH: false,
  NG: false,
  DJ: false,
};

/** Case of the letter after a command (`\'e`, `\"{O}`, `\ss`) starting at `i` (on the backslash). */
function commandIsLower(w: string, i: number): boolean {
  const m = /^\\([A-Za-z]+|.)/.exec(w.slice(i));
  if (!m) return false;
  const name = m[1]!;
  if (name in LETTER_COMMANDS) return LETTER_COMMANDS[name]!;
  const rest = w.slice(i + m[0].length);
  const letter = /\p{L}/u.exec(rest.replace(/\\[A-Za-z]+/g, (c) => c.slice(1)));
  return letter ? isLowerLetter(letter[0]) : false;
}

function isLowerLetter(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** A von word starts with a lower-case letter at brace depth 0 (or a special character `{\'e}`). */
function isVon(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (c === '{') {
      // `{\'e}cole` is a "special character": its case is the accented letter's. Any other group protects.
      return w[i + 1] === '\\' ? commandIsLower(w, i + 1) : false;
    }
    if (c === '\\') return commandIsLower(w, i);
    if (/\p{L}/u.test(c)) return isLowerLetter(c);
  }
  return false;
}

/** The parts of one name (raw: braces and LaTeX are kept, for the caller to decode). */
export function parseName(raw: string): NameParts {
  const parts = splitTop(raw.trim(), (s, i) => (s[i] === ',' ? 1 : 0)).map((p) => p.trim());
  if (parts.length === 1) {
    const w = words(parts[0]!);
    if (w.length === 0) return { ...EMPTY };
    const n = w.length;
    let vs = -1;
    let ve = -1;
    for (let k = 0; k < n - 1; k++) {
      if (isVon(w[k]!)) {
        if (vs < 0) vs = k;
        ve = k;
      }
    }
    if (vs < 0) return { first: w.slice(0, n - 1).join(' '), von: '', last: w[n - 1]!, jr: '' };
    return {
      first: w.slice(0, vs).join(' '),
      von: w.slice(vs, ve + 1).join(' '),
      last: w.slice(ve + 1).join(' '),
      jr: '',
    };
  }
  const w = words(parts[0]!);
  let ve = -1;
  for (let k = 0; k < w.length - 1; k++) if (isVon(w[k]!)) ve = k;
  const jr = parts.length >= 3 ? parts[1]! : '';
  const first = parts.length >= 3 ? parts.slice(2).join(', ') : parts[1]!;
  return {
    first: words(first).join(' '),
    von: w.slice(0, ve + 1).join(' '),
    last: w.slice(ve + 1).join(' '),
    jr: words(jr).join(' '),
  };
}

/** Splits a BibTeX name list on " and " at brace depth 0; "others" (et al.) is dropped. */
export function splitNameList(raw: string): string[] {
  return splitTop(raw, (s, i) => {
    if (!isSpace(s[i])) return 0;
    const m = /^\s+and\s+/i.exec(s.slice(i, i + 64));
    return m ? m[0].length : 0;
  })
    .map((n) => n.trim())
    .filter((n) => n && n.toLowerCase() !== 'others');
}

const same = (a: NameParts, b: NameParts): boolean =>
  a.first === b.first && a.von === b.von && a.last === b.last && a.jr === b.jr;

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The string Quire stores for a name: "First von Last" when that reads back the same, else inverted. */
export function storedName(p: NameParts): string {
  const parts: NameParts = {
    first: squash(p.first),
    von: squash(p.von),
    last: squash(p.last),
    jr: squash(p.jr),
  };
  const natural = [parts.first, parts.von, parts.last].filter(Boolean).join(' ');
  // A single part (a mononym or an organisation) is kept as written.
  if (!parts.first && !parts.von && !parts.jr) return parts.last;
  if (!parts.jr && same(parseName(natural), parts)) return natural;
  if (!parts.first && !parts.jr) return natural;
  const family = [parts.von, parts.last].filter(Boolean).join(' ');
  // With a Jr part all three commas are needed ("Christianson, Jr.," has no given name), or the Jr part
  // would read back as the given name.
  if (parts.jr) return `${family}, ${parts.jr},${parts.first ? ` ${parts.first}` : ''}`;
  return `${family}, ${parts.first}`;
}

/** True when `name` is already in the form `storedName` gives, i.e. its parts can be read from it. */
export function isCanonicalName(name: string): boolean {
  return !/[{}\\]/.test(name) && storedName(parseName(name)) === name;
}

const ORGANISATION =
  /\b(association|consortium|foundation|institute|institution|organi[sz]ation|society|council|committee|group|team|project|agency|university|universit[äé]t|cent(?:er|re)|laborator(?:y|ies)|collaboration|federation|alliance|company|corporation|inc\.?|ltd\.?|gmbh)$/i;

/**
 * Names that are one unit, not a person: written with "and" ("Bill and Melinda Gates Foundation"), or an
 * organisation whose last word says so ("IEEE Standards Association"). Exports brace them whole (BibTeX)
 * or write them as `literal` (CSL), so that no reader splits them into given and family names.
 */
export function looksLikeGroup(name: string): boolean {
  const t = name.trim();
  return (
    /(^|\s)(and|&)(\s|$)/i.test(t) ||
    (/\s/.test(t) && !t.includes(',') && ORGANISATION.test(t)) ||
    // "Google, Inc.": the comma is the company's, not BibTeX's "Last, First".
    /,\s*(inc|ltd|llc|gmbh|corp|co|plc|ag|s\.a)\.?$/i.test(t)
  );
}

/** The family name (von part included) of a stored name, e.g. for citation keys and duplicate checks. */
export function familyName(name: string): string {
  const p = parseName(name);
  return [p.von, p.last].filter(Boolean).join(' ') || name.trim();
}

/**
 * A stored name in reading order for display ("Coello Coello, Carlos A." → "Carlos A. Coello Coello",
 * "King, Jr., Martin" → "Martin King Jr."). Lists of names joined with ", " should show names this way.
 */
export function displayName(name: string): string {
  if (!name.includes(',') || looksLikeGroup(name) || /[{}\\]/.test(name)) return name;
  const p = parseName(name);
  return [p.first, p.von, p.last, p.jr].filter(Boolean).join(' ');
}
