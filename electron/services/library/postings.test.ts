// Postings hold ascending paper numbers as varint gaps; cut to size after a build they keep their
// numbers and still grow; bytes read back from a file are taken only when they are a posting.
import { describe, expect, it } from 'vitest';
import { forEach, postingOf, push, trim, type Posting } from './postings';

const numbers = (post: Posting) => {
  const out: number[] = [];
  forEach(post, (n) => out.push(n));
  return out;
};

describe('postings', () => {
  const ords = [0, 1, 127, 128, 300, 16_384, 2_000_000];

  it('hold ascending numbers of any size, and keep them when cut to size', () => {
    let post: Posting | undefined;
    for (const n of ords) post = push(post, n);
    expect(numbers(post!)).toEqual(ords);
    const grown = post as Exclude<Posting, number>;
    expect(grown.bytes.length).toBeGreaterThan(grown.len);
    trim(post!);
    expect(grown.bytes.length).toBe(grown.len);
    expect(numbers(post!)).toEqual(ords);
    post = push(post, 2_000_001);
    expect(numbers(post)).toEqual([...ords, 2_000_001]);
  });

  it('are read back from their bytes only when those hold ascending numbers below the limit', () => {
    let post: Posting | undefined;
    for (const n of ords) post = push(post, n);
    const { bytes, len } = post as Exclude<Posting, number>;
    const saved = bytes.slice(0, len);
    expect(numbers(postingOf(saved, 2_000_001)!)).toEqual(ords);
    expect(postingOf(saved, 2_000_000)).toBeUndefined();
    expect(postingOf(saved.slice(0, len - 1), 3_000_000)).toBeUndefined();
    expect(postingOf(Uint8Array.from([3, 0]), 10)).toBeUndefined();
    expect(postingOf(new Uint8Array(0), 10)).toBeUndefined();
  });
});
