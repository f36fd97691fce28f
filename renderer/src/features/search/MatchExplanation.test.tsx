// @vitest-environment jsdom
// The "why it matched" line: one label per matched term, expansions written with their sign.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MatchExplanation } from './MatchExplanation';

afterEach(cleanup);

describe('MatchExplanation', () => {
  it('lists exact words, word forms and expansions', () => {
    render(
      <MatchExplanation
        matched={[
          { from: 'rl', to: 'rl', kind: 'exact' },
          { from: 'ranked', to: 'ranking', kind: 'stem' },
          { from: 'GNN', to: 'graph neural network', kind: 'alias' },
          { from: 'oversquashing', to: 'over-squashing', kind: 'compound' },
          { from: 'photonic', to: 'light', kind: 'neighbour' },
        ]}
      />,
    );
    const terms = screen.getByTestId('search-hit-why').querySelectorAll('.hit-why-term');
    expect([...terms].map((t) => t.textContent)).toEqual([
      'rl',
      'ranked → ranking',
      'GNN ≈ graph neural network',
      'oversquashing = over-squashing',
      'photonic ~ light',
    ]);
    expect(terms[2]!.getAttribute('title')).toMatch(/abbreviation defined in your library/);
  });

  it('shows nothing when nothing is known', () => {
    const { container } = render(<MatchExplanation matched={undefined} />);
    expect(container.textContent).toBe('');
  });
});
