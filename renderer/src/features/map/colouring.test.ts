// Colouring the map by tag: the most frequent tags get colours, a paper takes its most frequent one.
import { describe, expect, it } from 'vitest';
import { colourByTag } from './colouring';

const points = (tags: string[][]) => ({
  ids: tags.map((_, i) => `p${i}`),
  titles: tags.map(() => ''),
  x: tags.map(() => 0),
  y: tags.map(() => 0),
  cluster: tags.map(() => 0),
  placed: tags.map(() => false),
  tags,
});

describe('colourByTag', () => {
  it('ranks tags by frequency and colours each paper by its most frequent tag', () => {
    const c = colourByTag(points([['b', 'a'], ['a'], ['a', 'c'], [], ['b']]));
    expect(c.tags).toEqual([
      { tag: 'a', count: 3 },
      { tag: 'b', count: 2 },
      { tag: 'c', count: 1 },
    ]);
    expect(c.index).toEqual([0, 0, 0, -1, 1]);
    expect(c.other).toBe(1);
  });

  it('leaves rarer tags than the coloured ones in "other"', () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      Array<string[]>(20 - i).fill([`t${i}`]),
    ).flat();
    const c = colourByTag(points(many));
    expect(c.tags).toHaveLength(11);
    expect(c.other).toBe(7 + 8 + 9);
  });
});
