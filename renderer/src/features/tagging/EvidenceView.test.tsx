// @vitest-environment jsdom
// Evidence of a suggestion: the user's highlights holding its matched terms are shown with their
// kind and terms, in the detail panel and as a count in the one-line row.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evidence } from '@shared/api/tagging-contract';
import { EvidenceView } from './EvidenceView';

afterEach(cleanup);

const evidence: Evidence = {
  similarity: 0.62,
  terms: ['graph', 'networks'],
  highlights: [
    { annotationId: 'a1', kind: 'method', quote: 'We rewire the graph', terms: ['graph'] },
  ],
};

describe('EvidenceView', () => {
  it('lists the highlights that hold matched terms', () => {
    render(<EvidenceView evidence={evidence} />);
    const item = screen.getByTestId('evidence-highlights').querySelector('li')!;
    expect(item.textContent).toBe('method: “We rewire the graph” (graph)');
  });

  it('says how many highlights in the one-line row, and nothing without them', () => {
    render(<EvidenceView evidence={evidence} compact />);
    expect(screen.getByTestId('evidence-line').textContent).toBe(
      'terms: graph, networks · in 1 highlight',
    );
    cleanup();
    render(<EvidenceView evidence={{ ...evidence, highlights: undefined }} compact />);
    expect(screen.getByTestId('evidence-line').textContent).toBe('terms: graph, networks');
  });
});
