import { describe, expect, it } from 'vitest';
import { highlight, mergeSpans, phraseSpans, queryTerms } from './highlight';

describe('highlight', () => {
  it('drops stop words and stems the query', () => {
    expect(queryTerms('The scaling of Graphs and GNNs')).toEqual(['scal', 'graph', 'gnn']);
  });

  it('marks whole words that start with a term', () => {
    const text = 'Graph rewiring: graphs, paragraph, over-squashing.';
    const spans = highlight(text, queryTerms('graph squashing'));
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(['Graph', 'graphs', 'squashing']);
  });

  it('handles odd Unicode without shifting offsets', () => {
    const text = 'Ünïcode 東京 scaling — émigré laws';
    const spans = highlight(text, queryTerms('émigré scaling'));
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(['scaling', 'émigré']);
  });

  it('returns nothing for an all-stop-word query', () => {
    expect(highlight('the of and', queryTerms('the of'))).toEqual([]);
  });
});

describe('phraseSpans', () => {
  it('marks a phrase whole, across spaces and hyphens, and not its words alone', () => {
    const text = 'Over-squashing in graph neural networks; a graph, over there, over squashing.';
    const spans = mergeSpans(
      highlight(text, queryTerms('gnn')),
      phraseSpans(text, ['over-squashing', 'graph neural network']),
    );
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual([
      'Over-squashing',
      'graph neural networks',
      'over squashing',
    ]);
  });
});
