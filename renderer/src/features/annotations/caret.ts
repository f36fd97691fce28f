// Keyboard motion over a title or abstract in source offsets: by character, word and sentence,
// never stopping inside a formula (a formula is one step, as it is one thing on screen).

export type Atom = readonly [number, number];

/** Moves `at` out of any atom it fell into, towards `dir`. */
function clear(atoms: readonly Atom[], at: number, dir: 1 | -1): number {
  for (const [s, e] of atoms) if (at > s && at < e) return dir > 0 ? e : s;
  return at;
}

export function stepChar(text: string, atoms: readonly Atom[], at: number, dir: 1 | -1): number {
  const next = Math.max(0, Math.min(text.length, at + dir));
  return clear(atoms, next, dir);
}

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_'’-]/u.test(ch);

/** The next word end (forwards) or word start (backwards), as Ctrl+Arrow moves in an editor. */
export function stepWord(text: string, atoms: readonly Atom[], at: number, dir: 1 | -1): number {
  let i = at;
  if (dir > 0) {
    while (i < text.length && !isWord(text[i])) i++;
    const inAtom = atoms.find(([s, e]) => i >= s && i < e);
    if (inAtom) return inAtom[1];
    while (i < text.length && isWord(text[i])) i++;
  } else {
    while (i > 0 && !isWord(text[i - 1])) i--;
    const inAtom = atoms.find(([s, e]) => i > s && i <= e);
    if (inAtom) return inAtom[0];
    while (i > 0 && isWord(text[i - 1])) i--;
  }
  return clear(atoms, i, dir);
}

/**
 * The sentence around `at`: from after the previous `.`, `!` or `?` followed by space (or the
 * start) to the next one, punctuation included, surrounding space excluded. Punctuation inside a
 * formula does not end a sentence.
 */
export function sentenceAt(text: string, atoms: readonly Atom[], at: number): [number, number] {
  const ends: number[] = [];
  const re = /[.!?]["”’)]*(?=\s|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const e = m.index + m[0].length;
    if (!atoms.some(([s, x]) => m!.index >= s && m!.index < x)) ends.push(e);
  }
  let start = 0;
  let end = text.length;
  for (const e of ends) {
    if (e <= at) start = e;
    else {
      end = e;
      break;
    }
  }
  // A caret right after a sentence's full stop (or in the space after it) belongs to the next one.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}
