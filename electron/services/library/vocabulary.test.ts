import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary';

function found(v: Vocabulary, part: string): number[] {
  const out: number[] = [];
  v.containing(part, (id) => out.push(id));
  return out;
}

describe('Vocabulary', () => {
  it('numbers words in the order first met, once each', () => {
    const v = new Vocabulary();
    expect(['graph', 'spectral', 'graph', 'subgraph'].map((w) => v.idOf(w))).toEqual([0, 1, 0, 2]);
    expect(v.size).toBe(3);
  });

  it('finds every word containing a part, each once, wherever the part sits in it', () => {
    const v = new Vocabulary();
    for (const w of ['graph', 'spectral', 'subgraph', 'graphgraph', 'graphs', 'grap', 'hgraph'])
      v.idOf(w);
    expect(found(v, 'graph')).toEqual([0, 2, 3, 4, 6]);
    expect(found(v, 'al')).toEqual([1]);
    expect(found(v, 'hg')).toEqual([3, 6]);
    // A part spanning two words is not a word's part.
    expect(found(v, 'lsu')).toEqual([]);
    expect(found(v, 'spectralsubgraph')).toEqual([]);
  });

  it('finds words met after a search, and in every chunk of a large vocabulary', () => {
    const v = new Vocabulary();
    v.idOf('alpha');
    expect(found(v, 'beta')).toEqual([]);
    v.idOf('beta');
    expect(found(v, 'beta')).toEqual([1]);
    // Past one chunk (65,536 words): numbered words, then ones met later.
    for (let i = 0; i < 140_000; i++) v.idOf(`w${i}x`);
    v.idOf('betamax');
    const holding = Array.from({ length: 140_000 }, (_, i) => i).filter((i) =>
      `w${i}x`.includes('9999x'),
    );
    expect(holding.length).toBe(14);
    expect(found(v, '9999x').map((id) => id - 2)).toEqual(holding);
    expect(found(v, 'beta')).toEqual([1, v.size - 1]);
    expect(found(v, 'w65535x')).toEqual([65535 + 2]);
    expect(found(v, 'w65534x')).toEqual([65534 + 2]);
  });

  it('finds words in other scripts and with combining marks', () => {
    const v = new Vocabulary();
    for (const w of ['größe', 'naïve', 'теорія', '图神经网络']) v.idOf(w);
    expect(found(v, 'öß')).toEqual([0]);
    expect(found(v, 'орі')).toEqual([2]);
    expect(found(v, '神经')).toEqual([3]);
  });
});
