// A search hit's line saying the match falls inside the reader's own highlights (or their
// comments): the kind, where, and the highlighted passage.
import type { SearchHit } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { TexText } from '../../components/TexText';
import { useKinds } from './useKinds';
import './annotations.css';

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n).trimEnd()}…` : s);

export function HitHighlights({ hit }: { hit: SearchHit }) {
  const kinds = useKinds(useApi());
  const list = hit.annotations ?? [];
  if (list.length === 0) return null;
  return (
    <div className="ann-hit" data-testid="hit-in-highlight">
      {list.slice(0, 3).map((h) => {
        const text = h.field === 'title' ? hit.paper.title : hit.paper.abstract;
        return (
          <span
            key={h.annotationId}
            className="ann-badge"
            style={{ ['--hl' as string]: kinds.colourOf(h.kind) }}
            title={h.inComment ? 'A query word is in this highlight’s comment' : undefined}
          >
            <span className="ann-swatch" aria-hidden />
            <span className="ann-hit-text">
              {h.inComment ? 'Your comment on your ' : 'In your '}
              {kinds.labelOf(h.kind).toLowerCase()} highlight
              {text && h.end > h.start && (
                <span className="ann-hit-quote">
                  {': “'}
                  <TexText text={clip(text.slice(h.start, h.end))} />”
                </span>
              )}
            </span>
          </span>
        );
      })}
      {list.length > 3 && <span className="muted small">and {list.length - 3} more</span>}
    </div>
  );
}
