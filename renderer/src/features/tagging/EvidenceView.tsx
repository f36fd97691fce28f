// Why a tag was suggested: similarity, matched terms (and the user's highlights holding them),
// nearest labelled papers, the LLM's reason.
import type { Evidence } from '@shared/api/tagging-contract';
import { TexText } from '../../components/TexText';
import { formatScore } from './format';

type Props = {
  evidence: Evidence;
  /** One line for a list row; the full picture for the detail panel. */
  compact?: boolean;
  onOpenPaper?(id: string): void;
};

export function EvidenceView({ evidence, compact, onOpenPaper }: Props) {
  const { similarity, terms, neighbours, reason, highlights } = evidence;
  const hasAny =
    similarity !== undefined ||
    (terms?.length ?? 0) > 0 ||
    (neighbours?.length ?? 0) > 0 ||
    !!reason;
  if (!hasAny) return compact ? null : <p className="muted small">No evidence recorded.</p>;

  if (compact) {
    const parts: string[] = [];
    if (terms?.length) parts.push(`terms: ${terms.slice(0, 4).join(', ')}`);
    if (highlights?.length)
      parts.push(`in ${highlights.length} ${highlights.length === 1 ? 'highlight' : 'highlights'}`);
    if (neighbours?.length) {
      const pos = neighbours.filter((n) => !n.rejected).length;
      parts.push(`${pos} labelled ${pos === 1 ? 'neighbour' : 'neighbours'}`);
    }
    if (reason) parts.push(`“${reason}”`);
    if (parts.length === 0 && similarity !== undefined)
      parts.push(`similarity ${formatScore(similarity)}`);
    return (
      <span className="evidence-line" data-testid="evidence-line">
        {parts.join(' · ')}
      </span>
    );
  }

  return (
    <dl className="evidence" data-testid="evidence">
      {similarity !== undefined && (
        <>
          <dt>Similarity to the tag</dt>
          <dd>{formatScore(similarity)}</dd>
        </>
      )}
      {terms && terms.length > 0 && (
        <>
          <dt>Matched terms</dt>
          <dd className="evidence-terms">
            {terms.map((t) => (
              <mark key={t}>{t}</mark>
            ))}
          </dd>
        </>
      )}
      {highlights && highlights.length > 0 && (
        <>
          <dt>In your highlights</dt>
          <dd>
            <ul className="evidence-highlights" data-testid="evidence-highlights">
              {highlights.map((h) => (
                <li key={h.annotationId}>
                  <span className="muted small">{h.kind}: </span>“<TexText text={h.quote} />”
                  <span className="muted small"> ({h.terms.join(', ')})</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {neighbours && neighbours.length > 0 && (
        <>
          <dt>Nearest labelled papers</dt>
          <dd>
            <ul className="evidence-neighbours">
              {neighbours.map((n) => (
                <li key={n.paperId} className={n.rejected ? 'rejected' : ''}>
                  <span className="evidence-sim">{formatScore(n.similarity)}</span>
                  {onOpenPaper ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpenPaper(n.paperId)}
                    >
                      {n.title ? <TexText text={n.title} /> : 'Untitled'}
                    </button>
                  ) : (
                    <span>{n.title ? <TexText text={n.title} /> : 'Untitled'}</span>
                  )}
                  {n.rejected && <span className="muted small"> (rejected: counts against)</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {reason && (
        <>
          <dt>Model’s reason</dt>
          <dd className="evidence-reason">{reason}</dd>
        </>
      )}
    </dl>
  );
}
