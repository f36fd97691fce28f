// The selected suggestion of the review queue in full: paper, tag, score, tagger and model, the
// evidence, the Accept / Reject / Undo buttons and the queue's keys.
import type { Suggestion } from '@shared/api/tagging-contract';
import { TexText } from '../../components/TexText';
import { EvidenceView } from './EvidenceView';
import { TagChip } from './TagChip';
import { TAGGER_LABELS, formatScore } from './format';

export const QUEUE_KEYS: readonly { keys: string; what: string }[] = [
  { keys: 'A', what: 'Accept the suggestion' },
  { keys: 'R', what: 'Reject the suggestion' },
  { keys: 'J / ↓', what: 'Next suggestion' },
  { keys: 'K / ↑', what: 'Previous suggestion' },
  { keys: 'U', what: 'Undo the last accept or reject' },
  { keys: 'Enter', what: 'Open the paper' },
  { keys: 'Shift+A', what: 'Accept all of a tag above a score…' },
];

type Props = {
  suggestion: Suggestion;
  color?: string;
  canUndo: boolean;
  onDecide(decision: 'accepted' | 'rejected'): void;
  onUndo(): void;
  onOpenPaper(id: string): void;
};

export function SuggestionDetail({
  suggestion: s,
  color,
  canUndo,
  onDecide,
  onUndo,
  onOpenPaper,
}: Props) {
  return (
    <aside className="review-detail" data-testid="queue-detail" aria-label="Suggestion">
      <div className="pane-kicker">Suggestion</div>
      <h2 className="paper-title">
        <button type="button" className="link-button" onClick={() => onOpenPaper(s.paperId)}>
          {s.title ? <TexText text={s.title} /> : 'Untitled'}
        </button>
      </h2>
      <div className="detail-line">
        <TagChip name={s.tag} color={color} />
        <span className="detail-score">score {formatScore(s.score)}</span>
      </div>
      <p className="muted small">
        {TAGGER_LABELS[s.tagger]} · {s.model}
      </p>
      <EvidenceView evidence={s.evidence} onOpenPaper={onOpenPaper} />
      <div className="detail-actions">
        <button
          type="button"
          className="button primary"
          data-testid="queue-accept"
          onClick={() => onDecide('accepted')}
        >
          Accept <kbd>A</kbd>
        </button>
        <button
          type="button"
          className="button"
          data-testid="queue-reject"
          onClick={() => onDecide('rejected')}
        >
          Reject <kbd>R</kbd>
        </button>
        <button
          type="button"
          className="button"
          data-testid="queue-undo"
          disabled={!canUndo}
          onClick={onUndo}
        >
          Undo <kbd>U</kbd>
        </button>
      </div>
      <ul className="key-hints" aria-label="Keys">
        {QUEUE_KEYS.map((k) => (
          <li key={k.keys}>
            <kbd>{k.keys}</kbd> {k.what}
          </li>
        ))}
      </ul>
    </aside>
  );
}
