// The list of suggestions to review: one row per suggestion (score bar, title, tag, tagger,
// evidence), a listbox whose selected option is the queue's cursor.
import type { Ref } from 'react';
import type { Suggestion } from '@shared/api/tagging-contract';
import { TexText } from '../../components/TexText';
import { EvidenceView } from './EvidenceView';
import { TagChip } from './TagChip';
import { TAGGER_LABELS, formatScore } from './format';

type Props = {
  listRef: Ref<HTMLUListElement>;
  items: Suggestion[];
  cursor: number;
  current: Suggestion | null;
  colors: Map<string, string>;
  setCursor(i: number): void;
  onOpenPaper(id: string): void;
};

export function QueueList({
  listRef,
  items,
  cursor,
  current,
  colors,
  setCursor,
  onOpenPaper,
}: Props) {
  return (
    <ul
      ref={listRef}
      className="queue-list"
      role="listbox"
      aria-label="Suggestions to review"
      aria-activedescendant={current ? `sugg-${current.id}` : undefined}
      tabIndex={0}
      data-testid="queue-list"
    >
      {items.map((s, i) => (
        <li
          key={s.id}
          id={`sugg-${s.id}`}
          role="option"
          aria-selected={i === cursor}
          data-index={i}
          data-testid="queue-row"
          data-tag={s.tag}
          className={`queue-row ${i === cursor ? 'selected' : ''}`}
          onClick={() => setCursor(i)}
          onDoubleClick={() => onOpenPaper(s.paperId)}
        >
          <span className="queue-score" title={`Score ${formatScore(s.score)}`}>
            <span className="score-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(s.score * 100)}%` }} />
            </span>
            {formatScore(s.score)}
          </span>
          <span className="queue-title" data-testid="queue-title">
            {s.title ? <TexText text={s.title} /> : 'Untitled'}
          </span>
          <TagChip name={s.tag} color={colors.get(s.tag)} small />
          <span className="queue-tagger">{TAGGER_LABELS[s.tagger]}</span>
          <EvidenceView evidence={s.evidence} compact />
        </li>
      ))}
    </ul>
  );
}
