// The text index's postings (text-index.ts): the papers holding a word, by their numbers. A posting
// is one number, or the gaps between its ascending numbers as varints in a growing byte array: a word
// held by 1 % of the papers takes ~1 byte for each of them, not 4 (at 100k synthetic papers the index
// took 107 MB with Uint32Array postings, 35 MB so).

/** One number, or ascending numbers as varint gaps (the first from 0) in `bytes[0, len)`. */
export type Posting = number | { bytes: Uint8Array; len: number; last: number };

/** The posting's largest number. */
export function lastOf(post: Posting): number {
  return typeof post === 'number' ? post : post.last;
}

/** Adds `ord`, larger than every number the posting holds. */
export function push(post: Posting | undefined, ord: number): Posting {
  if (post === undefined) return ord;
  if (typeof post === 'number') {
    const grown = { bytes: new Uint8Array(8), len: 0, last: 0 };
    writeGap(grown, post);
    writeGap(grown, ord);
    return grown;
  }
  writeGap(post, ord);
  return post;
}

function writeGap(post: Exclude<Posting, number>, ord: number): void {
  // A number below 2^32 takes at most 5 bytes.
  if (post.len + 5 > post.bytes.length) {
    const grown = new Uint8Array(post.bytes.length * 2);
    grown.set(post.bytes.subarray(0, post.len));
    post.bytes = grown;
  }
  let gap = ord - post.last;
  while (gap >= 0x80) {
    post.bytes[post.len++] = (gap & 0x7f) | 0x80;
    gap >>>= 7;
  }
  post.bytes[post.len++] = gap;
  post.last = ord;
}

/**
 * Gives back the room a posting grew into but does not use (it doubles as it grows), once a build is
 * done: at 200k synthetic papers the index took 62 MB of heap and typed arrays, 43 MB cut to size
 * (bench/scale/session-files.ts).
 */
export function trim(post: Posting): void {
  if (typeof post !== 'number' && post.bytes.length > post.len)
    post.bytes = post.bytes.slice(0, post.len);
}

/** Calls `fn` with each number of the posting, in ascending order. */
export function forEach(post: Posting, fn: (ord: number) => void): void {
  if (typeof post === 'number') return fn(post);
  forEachGap(post.bytes, post.len, fn);
}

function forEachGap(bytes: Uint8Array, len: number, fn: (ord: number) => void): void {
  let ord = 0;
  for (let i = 0; i < len;) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++]!;
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    ord += gap;
    fn(ord);
  }
}

/**
 * A posting from the bytes of one written before (`bytes` as saved: its first `len`), or undefined
 * when they do not hold ascending numbers below `limit` ending in a whole varint.
 */
export function postingOf(bytes: Uint8Array, limit: number): Posting | undefined {
  if (bytes.length === 0 || bytes[bytes.length - 1]! & 0x80) return undefined;
  let last = -1;
  let ok = true;
  forEachGap(bytes, bytes.length, (ord) => {
    ok &&= ord > last && ord < limit;
    last = ord;
  });
  return ok ? { bytes, len: bytes.length, last } : undefined;
}
