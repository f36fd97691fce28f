// "Why it matched" under a search result: the query's words and the expansions found in the paper
// ("GNN ≈ graph neural network", "oversquashing = over-squashing"), so a user can judge the match.
import type { MatchedTerm } from '@shared/api/schemas';
import { describeMatch, MATCH_KIND_LABELS } from '@shared/search/explain';

export function MatchExplanation({ matched }: { matched: MatchedTerm[] | undefined }) {
  if (!matched?.length) return null;
  return (
    <div className="hit-why" data-testid="search-hit-why">
      <span className="hit-why-label">Matched</span>
      {matched.map((m) => (
        <span
          key={`${m.kind}:${m.from}:${m.to}`}
          className={`hit-why-term kind-${m.kind}`}
          title={`${describeMatch(m)}: ${MATCH_KIND_LABELS[m.kind]}`}
          data-kind={m.kind}
        >
          {describeMatch(m)}
        </span>
      ))}
    </div>
  );
}
