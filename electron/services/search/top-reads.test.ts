// TopReads: each list's top papers are read as the list arrives, each paper once, and a failed read
// is reported by done() without an unhandled rejection.
import { describe, expect, it } from 'vitest';
import { TopReads } from './top-reads';

const ranked = (...ids: string[]) => ids.map((id, i) => ({ id, score: 1 - i / 10 }));

describe('TopReads', () => {
  it('reads the top n of each list as it comes, leaving out papers already asked for', async () => {
    const calls: string[][] = [];
    const reads = new TopReads(async (ids) => calls.push(ids), 3);
    const semantic = ranked('a', 'b', 'c', 'd');
    expect(reads.of(semantic)).toBe(semantic);
    reads.of(ranked('c', 'e', 'a', 'f'));
    reads.of(ranked('a', 'c', 'e'));
    await reads.done();
    expect(calls).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('reports a failed read when asked, not before', async () => {
    const reads = new TopReads(() => Promise.reject(new Error('disk gone')), 2);
    reads.of(ranked('a'));
    await new Promise((go) => setTimeout(go, 10)); // an unhandled rejection would fail the run here
    await expect(reads.done()).rejects.toThrow('disk gone');
  });
});
