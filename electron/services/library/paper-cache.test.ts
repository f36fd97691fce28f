// The cache of whole papers: bounded by the text it holds, least recently used dropped first, and
// filled on a reload only while there is room.
import { describe, expect, it } from 'vitest';
import { paperRecord as paper } from '../../../tests/support/paper';
import { PaperCache } from './paper-cache';

/** A paper whose title and abstract count `chars` characters. */
const sized = (id: string, chars: number) =>
  paper(id, { title: 'T', abstract: 'x'.repeat(chars - 1) });

describe('PaperCache', () => {
  it('drops the least recently used papers past its budget of text', () => {
    const c = new PaperCache(100);
    c.set(sized('a', 40));
    c.set(sized('b', 40));
    expect(c.get('a')?.id).toBe('a'); // a is now the most recently used
    c.set(sized('c', 40));
    expect([c.peek('a')?.id, c.peek('b'), c.peek('c')?.id]).toEqual(['a', undefined, 'c']);
    expect(c.size).toBe(2);
  });

  it('keeps a paper larger than the budget alone, and an edit replaces what it counted', () => {
    const c = new PaperCache(100);
    c.set(sized('a', 50));
    c.set(sized('big', 300));
    expect([c.peek('a'), c.peek('big')?.id]).toEqual([undefined, 'big']);
    c.set(sized('big', 20));
    c.set(sized('b', 70));
    expect([c.peek('big')?.id, c.peek('b')?.id]).toEqual(['big', 'b']);
  });

  it('offer() fills while there is room and never drops anything', () => {
    const c = new PaperCache(100);
    c.offer(sized('a', 60));
    c.offer(sized('b', 60));
    c.offer(sized('c', 40));
    expect([c.peek('a')?.id, c.peek('b'), c.peek('c')?.id]).toEqual(['a', undefined, 'c']);
    c.delete('a');
    c.offer(sized('b', 60));
    expect(c.size).toBe(2);
    c.clear();
    expect(c.size).toBe(0);
    c.offer(sized('d', 100));
    expect(c.peek('d')?.id).toBe('d');
  });
});
