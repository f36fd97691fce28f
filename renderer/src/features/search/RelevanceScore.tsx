// A hit's score column: its estimated chance of being relevant, in words, as a percentage and as a
// bar on one scale for every query; the raw semantic and keyword scores stay in the tooltip.
import type { SearchHit } from '@shared/api/schemas';
import { BAND_LABELS, percent, relevanceBand } from '@shared/search/relevance';
import './relevance.css';

function fmt(n: number | null): string {
  if (n === null) return '–';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : n.toFixed(3);
}

/** `top`: the best rank score of the list, the bar's scale where a hit has no relevance estimate. */
export function RelevanceScore({ hit, top }: { hit: SearchHit; top: number }) {
  const parts = [
    hit.vectorScore !== null ? `semantic ${fmt(hit.vectorScore)}` : null,
    hit.ftsScore !== null ? `keyword ${fmt(hit.ftsScore)}` : null,
  ].filter(Boolean);
  const raw = `Rank score ${hit.score.toFixed(4)}\nSemantic (cosine): ${hit.vectorScore === null ? 'not matched' : hit.vectorScore.toFixed(4)}\nKeyword (BM25): ${hit.ftsScore === null ? 'not matched' : hit.ftsScore.toFixed(3)}`;
  if (hit.relevance === undefined) {
    // "More like this" has no relevance estimate: scores relative to the closest paper.
    const width = top > 0 ? Math.max(4, Math.round((100 * hit.score) / top)) : 0;
    return (
      <div className="hit-score" title={raw} data-testid="search-hit-score">
        <span className="score-value">{fmt(hit.score)}</span>
        <span className="score-bar" aria-hidden="true">
          <span style={{ width: `${width}%` }} />
        </span>
        {parts.length > 0 && <span className="score-parts">{parts.join(' · ')}</span>}
      </div>
    );
  }
  const band = relevanceBand(hit.relevance);
  const pct = percent(hit.relevance);
  const tip =
    `${BAND_LABELS[band]}: an estimated ${pct} chance that this paper is relevant to the query ` +
    `(the same scale for every query, estimated from judged example searches).\n\n${raw}`;
  return (
    <div
      className={`hit-score relevance-${band}`}
      title={tip}
      data-testid="search-hit-score"
      data-band={band}
    >
      <span className="relevance-label">
        {BAND_LABELS[band]} <span className="relevance-pct">{pct}</span>
      </span>
      <span
        className="score-bar"
        role="meter"
        aria-label="Estimated chance of relevance"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(hit.relevance * 100)}
      >
        <span style={{ width: `${Math.max(3, Math.round(hit.relevance * 100))}%` }} />
      </span>
      {parts.length > 0 && <span className="score-parts">{parts.join(' · ')}</span>}
    </div>
  );
}
