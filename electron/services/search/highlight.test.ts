import { describe, expect, it } from 'vitest';
import { highlight, mergeSpans, phraseSpans, queryTerms } from './highlight';

describe('highlight', () => {
  it('drops stop words and stems the query as the keyword index does (Porter2)', () => {
    expect(queryTerms('The scaling of Graphs and GNNs')).toEqual(['scale', 'graph', 'gnn']);
  });

  it('takes an acronym with a plural "s" as the acronym', () => {
    const text = 'GNNs and a GNN, unlike gnns typed in lower case.';
    expect(highlight(text, queryTerms('GNN')).map(([a, b]) => text.slice(a, b))).toEqual([
      'GNNs',
      'GNN',
    ]);
  });

  it('marks whole words, not words that merely start with a query word', () => {
    const text = 'However, we show how the Howard graph is built.';
    const spans = highlight(text, queryTerms('how'));
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(['how']);
  });

  it('marks the other forms of a word through its stem, both ways', () => {
    const text = 'A network of networks; networked scaling laws scale.';
    expect(highlight(text, queryTerms('networks')).map(([a, b]) => text.slice(a, b))).toEqual([
      'network',
      'networks',
      'networked',
    ]);
    expect(highlight(text, queryTerms('scaled')).map(([a, b]) => text.slice(a, b))).toEqual([
      'scaling',
      'scale',
    ]);
  });

  it('does not mark a longer word that shares a prefix but not a stem', () => {
    const text = 'Training trains the trainee; a train of thought on transformers.';
    expect(highlight(text, queryTerms('train')).map(([a, b]) => text.slice(a, b))).toEqual([
      'Training',
      'trains',
      'train',
    ]);
  });

  it('marks whole words sharing a stem with a term', () => {
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
