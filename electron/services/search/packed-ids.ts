// A list of small non-negative integers (vocabulary numbers) kept compactly, in its order: each a
// varint of 7-bit groups, one group per character of a one-byte string. Library terms keep every
// paper's distinct words so (library-terms.ts): for 100k synthetic papers the tables took 186 MB
// with two arrays of word references per paper, 49 MB with two packed strings.

export function packIds(ids: readonly number[]): string {
  const codes: number[] = [];
  for (const id of ids) {
    let n = id;
    while (n >= 0x80) {
      codes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 0x80);
    }
    codes.push(n);
  }
  // In slices: a spread of very many arguments overflows the stack.
  let out = '';
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** Calls `fn` with each number of a packed list, in order. */
export function forEachId(packed: string, fn: (id: number) => void): void {
  for (let i = 0; i < packed.length;) {
    let c = packed.charCodeAt(i++);
    let n = c & 0x7f;
    for (let scale = 0x80; c & 0x80; scale *= 0x80) {
      c = packed.charCodeAt(i++);
      n += (c & 0x7f) * scale;
    }
    fn(n);
  }
}

export function unpackIds(packed: string): number[] {
  const ids: number[] = [];
  forEachId(packed, (id) => ids.push(id));
  return ids;
}
