// The text index's words (text-index.ts), numbered in the order first met, and found by any part of
// them: the text filter asks for every word containing what was typed ("graph" → "graphs",
// "subgraph"). Testing each word of a 1M-paper library's vocabulary (~1.1M words, most of them
// one paper's number or name) with `includes` took ~30 ms a typed word on an idle machine, and
// ~100 ms on a busy one. The words are also kept joined, a chunk of them per string, so that one
// `indexOf` over the chunk finds the matches, and a binary search over where each word starts names them.

/** Words per joined chunk: the last, unfilled chunk is joined again after it grows (~1 ms). */
const CHUNK = 1 << 16;
/** Between words in a joined chunk: a word (a run of letters, digits and marks) holds none. */
const SEP = '\n';

type Joined = { text: string; starts: Int32Array };

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** Full chunks, joined once. */
  private readonly full: Joined[] = [];
  /** The unfilled chunk as last joined, and how many words it held then. */
  private tail: (Joined & { count: number }) | undefined;

  get size(): number {
    return this.words.length;
  }

  /** The words by number (only ever appended to). */
  get list(): readonly string[] {
    return this.words;
  }

  /** The word's number, given it one if it is new. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
      if (this.words.length % CHUNK === 0) {
        this.full.push(join(this.words, this.words.length - CHUNK, this.words.length));
        this.tail = undefined;
      }
    }
    return id;
  }

  /** Calls `fn` with the number of every word that contains `part` (not empty, without SEP). */
  containing(part: string, fn: (id: number) => void): void {
    this.full.forEach((chunk, i) => findIn(chunk, i * CHUNK, part, fn));
    const base = this.full.length * CHUNK;
    const count = this.words.length - base;
    if (count === 0) return;
    if (this.tail?.count !== count)
      this.tail = { ...join(this.words, base, this.words.length), count };
    findIn(this.tail, base, part, fn);
  }
}

function join(words: readonly string[], from: number, to: number): Joined {
  const starts = new Int32Array(to - from);
  let at = 0;
  for (let i = from; i < to; i++) {
    starts[i - from] = at;
    at += words[i]!.length + SEP.length;
  }
  return { text: words.slice(from, to).join(SEP), starts };
}

function findIn(chunk: Joined, base: number, part: string, fn: (id: number) => void): void {
  const { text, starts } = chunk;
  for (let at = text.indexOf(part); at >= 0;) {
    const k = wordAt(starts, at);
    fn(base + k);
    // The next match is looked for in the next word: a word holding the part twice is named once.
    if (k + 1 >= starts.length) break;
    at = text.indexOf(part, starts[k + 1]);
  }
}

/** The index of the last start at or before `at`. */
function wordAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
