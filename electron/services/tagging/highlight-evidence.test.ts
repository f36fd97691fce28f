// Highlights as tagging evidence: a suggestion cites the paper's highlights that hold its matched
// terms (compared by stem, as the zero-shot tagger matched them), and nothing else.
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@shared/api/tagging-contract';
import { MAX_HIGHLIGHTS, withHighlightEvidence } from './highlight-evidence';

function suggestion(paperId: string, terms?: string[]): Suggestion {
  return {
    id: `s-${paperId}`,
    paperId,
    title: 'T',
    tag: 'graph-neural-networks',
    tagger: 'zero-shot',
    model: 'quire-glove-100d',
    score: 0.8,
    evidence: { similarity: 0.61, ...(terms ? { terms } : {}) },
    createdAt: '2026-01-01T00:00:00.000Z',
    decision: 'pending',
    decidedAt: null,
  };
}

describe('withHighlightEvidence', () => {
  const quotes = new Map([
    [
      'p1',
      [
        { id: 'a1', kind: 'method', quote: 'We rewire the graph by curvature.' },
        { id: 'a2', kind: 'result', quote: 'Message passing networks over-squash less.' },
        { id: 'a3', kind: 'question', quote: 'Does this hold for directed inputs?' },
      ],
    ],
  ]);

  it('cites the highlights holding matched terms, by stem, with the terms each holds', () => {
    const [out] = withHighlightEvidence(
      [suggestion('p1', ['graphs', 'network', 'passing'])],
      quotes,
    );
    expect(out!.evidence.highlights).toEqual([
      {
        annotationId: 'a2',
        kind: 'result',
        quote: 'Message passing networks over-squash less.',
        terms: ['network', 'passing'],
      },
      {
        annotationId: 'a1',
        kind: 'method',
        quote: 'We rewire the graph by curvature.',
        terms: ['graphs'],
      },
    ]);
    // The rest of the provenance is untouched.
    expect(out!.evidence.similarity).toBe(0.61);
    expect(out!.score).toBe(0.8);
  });

  it('adds nothing without matched terms, without highlights, or when no highlight holds a term', () => {
    const items = [
      suggestion('p1'),
      suggestion('p2', ['graphs']),
      suggestion('p1', ['transformer']),
    ];
    const out = withHighlightEvidence(items, quotes);
    expect(out.map((s) => s.evidence.highlights)).toEqual([undefined, undefined, undefined]);
    expect(out).toEqual(items);
  });

  it(`cites at most ${MAX_HIGHLIGHTS} highlights, those holding the most terms first`, () => {
    const many = new Map([
      [
        'p1',
        Array.from({ length: 6 }, (_, i) => ({
          id: `h${i}`,
          kind: 'claim',
          quote: i === 4 ? 'graph networks' : 'a graph',
        })),
      ],
    ]);
    const [out] = withHighlightEvidence([suggestion('p1', ['graph', 'networks'])], many);
    expect(out!.evidence.highlights?.map((h) => h.annotationId)).toEqual(['h4', 'h0', 'h1']);
  });
});
