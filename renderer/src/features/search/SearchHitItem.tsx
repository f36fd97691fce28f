// One search result: title with highlights, year, venue and tags, why it matched, and its score.
import type { SearchHit } from '@shared/api/schemas';
import { TexSnippet } from '../../components/TexText';
import { HitHighlights } from '../annotations/HitHighlights';
import { HitTitle } from '../annotations/HitTitle';
import { MatchExplanation } from './MatchExplanation';
import { RelevanceScore } from './RelevanceScore';

export function Hit(props: {
  hit: SearchHit;
  index: number;
  top: number;
  current: boolean;
  open: boolean;
  version: number;
  onClick(): void;
}) {
  const { hit, index, top, current, open, version, onClick } = props;
  const p = hit.paper;
  const meta = [p.year?.toString(), p.venue].filter(Boolean).join(' · ');
  return (
    <li
      id={`search-hit-${index}`}
      role="option"
      aria-selected={current}
      data-index={index}
      data-testid="search-hit"
      data-paper-id={p.id}
      className={`search-hit ${current ? 'current' : ''} ${open ? 'open' : ''}`}
      // Keep the focus in the search box, except for a press in the title, where it selects text.
      onMouseDown={(e) => {
        if (!(e.target as HTMLElement).closest('.ann-text')) e.preventDefault();
      }}
      onClick={onClick}
    >
      <div className="hit-main">
        {p.title ? (
          <HitTitle hit={hit} version={version} engaged={current || open} />
        ) : (
          <div className="hit-title" data-testid="search-hit-title">
            Untitled
          </div>
        )}
        {(meta || p.tags.length > 0) && (
          <div className="hit-meta">
            {meta && <span>{meta}</span>}
            {p.tags.map((t) => (
              <span key={t} className="chip chip-small">
                {t}
              </span>
            ))}
          </div>
        )}
        {!p.title && p.abstract && (
          <p className="hit-abstract">
            <TexSnippet text={p.abstract} spans={hit.highlights.abstract} />
          </p>
        )}
        <MatchExplanation matched={hit.matched} />
        <HitHighlights hit={hit} />
      </div>
      <RelevanceScore hit={hit} top={top} />
    </li>
  );
}
