// The word index's data: a paper's words each name it once in their postings, however often the
// paper holds them; a paper indexed again takes a new number and retires its old one.
import { describe, expect, it } from 'vitest';
import { paperRecord } from '../../../tests/support/paper';
import { headOf } from './paper-head';
import { forEach } from './postings';
import { emptyIndex, put } from './text-index-built';

const numbersOf = (index: ReturnType<typeof emptyIndex>, word: string) => {
  const out: number[] = [];
  const post = index.posts[index.vocab.idOf(word)];
  if (post !== undefined) forEach(post, (ord) => out.push(ord));
  return out;
};

describe('put', () => {
  it('names a paper once in the posting of a word it holds many times', () => {
    const index = emptyIndex();
    const a = paperRecord('a', { title: 'Graph graph', abstract: 'A graph of graphs. Graph!' });
    const b = paperRecord('b', { title: 'Graphs', abstract: 'graph' });
    put(index, a, headOf(a));
    put(index, b, headOf(b));
    expect(numbersOf(index, 'graph')).toEqual([0, 1]);
    expect(numbersOf(index, 'graphs')).toEqual([0, 1]);
  });

  it('gives a paper indexed again a new number, retiring the old one', () => {
    const index = emptyIndex();
    const a = paperRecord('a', { title: 'Spectral graph theory' });
    put(index, a, headOf(a));
    put(index, a, headOf(a));
    expect(numbersOf(index, 'spectral')).toEqual([0, 1]);
    expect(index.headAt[0]).toBeUndefined();
    expect(index.ordOf.get('a')).toBe(1);
    expect(index.retired).toBe(1);
  });
});
