// How a matched term or a query expansion reads to a user, the same in the Search view and the CLI:
// "GNN ≈ graph neural network", "ranked → ranking", "oversquashing = over-squashing".
import type { MatchedTerm, QueryExpansion } from '../api/schemas';

const SIGN: Record<QueryExpansion['kind'], string> = {
  alias: '≈',
  stem: '→',
  compound: '=',
  neighbour: '~',
  feedback: '+',
};

/** What each kind means, for tooltips. */
export const MATCH_KIND_LABELS: Record<MatchedTerm['kind'], string> = {
  exact: 'the word as typed',
  stem: 'another form of the word',
  alias: 'an abbreviation defined in your library',
  compound: 'another spelling of the compound',
  neighbour: 'a related word (embedding model)',
  feedback: 'a word from the top results',
};

export function describeMatch(m: MatchedTerm | QueryExpansion): string {
  return m.kind === 'exact' ? m.to : `${m.from} ${SIGN[m.kind]} ${m.to}`;
}
