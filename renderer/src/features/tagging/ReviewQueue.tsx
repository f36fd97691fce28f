// The review queue: pending suggestions across the library, reviewed from the keyboard
// (a accept, r reject, j/k move, u undo, Enter open the paper, A accept all above a score).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  TAGGER_NAMES,
  type SuggestRunResult,
  type TagInfo,
  type TaggerName,
} from '../../../../shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { TexText } from '../../components/TexText';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { EvidenceView } from './EvidenceView';
import { QueueEmpty } from './QueueEmpty';
import { RunSuggestions } from './RunSuggestions';
import { SuggestionDetail } from './SuggestionDetail';
import { TagChip } from './TagChip';
import { TAGGER_LABELS, formatScore } from './format';
import { useReviewQueue, type QueueFilters } from './useReviewQueue';
import { colorMap } from './useVocabulary';

export type Undoable = { text: string; undo(): Promise<string> };

type Props = {
  active: boolean;
  vocabulary: TagInfo[] | null;
  version: number;
  /** Decisions or a run changed tags, counts or suggestions. */
  onChanged(): void;
  onOpenPaper(id: string): void;
  onUndoable(u: Undoable): void;
  onManageTags(): void;
  runNonce?: number;
};

/** Keys on a button keep their meaning there (Enter presses it). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName)
  );
}

export function ReviewQueue(props: Props) {
  const { active, vocabulary, version, onChanged, onOpenPaper, onUndoable, onManageTags } = props;
  const api = useApi();
  const [filters, setFilters] = useState<QueueFilters>({ tag: '', tagger: '', sort: 'score' });
  const [bulkOpen, setBulkOpen] = useState(false);
  const q = useReviewQueue(api, filters, version, onChanged);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const colors = colorMap(vocabulary);

  // Keys act when focus is in the queue or nowhere in particular (not in a dialog or a field).
  const keyState = useRef({ q, bulkOpen, onOpenPaper });
  // A layout effect, in the same commit as the rows: with a passive one, a key pressed right after
  // the rows appeared (a fast user, a loaded machine) acted on the queue as it was before them.
  useLayoutEffect(() => {
    keyState.current = { q, bulkOpen, onOpenPaper };
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const { q: queue, bulkOpen: dialog, onOpenPaper: open } = keyState.current;
      if (dialog || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      const inQueue = t instanceof Node && (rootRef.current?.contains(t) ?? false);
      if (!(t === document.body || inQueue)) return;
      const plainTarget = !ownsKeys(t);
      const key = e.key;
      let handled = true;
      if (key === 'j' || key === 'ArrowDown') queue.move(1);
      else if (key === 'k' || key === 'ArrowUp') queue.move(-1);
      else if (key === 'a' && plainTarget) queue.decide('accepted');
      else if (key === 'r' && plainTarget) queue.decide('rejected');
      else if (key === 'u' && plainTarget) queue.undo();
      else if (key === 'A' && plainTarget) setBulkOpen(true);
      else if (key === 'Enter' && plainTarget && queue.current) open(queue.current.paperId);
      else if (key === 'Home' && plainTarget) queue.setCursor(0);
      else if (key === 'End' && plainTarget) queue.setCursor(Number.MAX_SAFE_INTEGER);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  // Arriving at the queue puts focus on it, so the keys work at once.
  useEffect(() => {
    if (active) listRef.current?.focus({ preventScroll: true });
  }, [active]);

  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>(`[data-index="${q.cursor}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [q.cursor, q.items]);

  const onRunDone = (res: SuggestRunResult | null) => {
    q.reload();
    if (res) onChanged();
  };

  const filtered = filters.tag !== '' || filters.tagger !== '';
  const noVocabulary = vocabulary !== null && vocabulary.length === 0;

  return (
    <div
      className="review"
      ref={rootRef}
      data-testid="review-queue"
      data-loaded-tag={q.loadedFor?.tag}
      data-loaded-tagger={q.loadedFor?.tagger}
    >
      <div className="toolbar review-toolbar">
        <select
          className="select"
          aria-label="Only suggestions of tag"
          data-testid="queue-tag"
          value={filters.tag}
          onChange={(e) => setFilters((f) => ({ ...f, tag: e.target.value }))}
        >
          <option value="">All tags</option>
          {(vocabulary ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({t.pendingCount})
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Only suggestions from tagger"
          data-testid="queue-tagger"
          value={filters.tagger}
          onChange={(e) => setFilters((f) => ({ ...f, tagger: e.target.value as TaggerName | '' }))}
        >
          <option value="">All taggers</option>
          {TAGGER_NAMES.map((t) => (
            <option key={t} value={t}>
              {TAGGER_LABELS[t]}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Sort suggestions"
          data-testid="queue-sort"
          value={filters.sort}
          onChange={(e) =>
            setFilters((f) => ({ ...f, sort: e.target.value as QueueFilters['sort'] }))
          }
        >
          <option value="score">Highest score first</option>
          <option value="paper">By paper</option>
          <option value="created">Newest first</option>
        </select>
        <span className="count" data-testid="queue-count" aria-live="polite">
          {q.items === null ? 'Loading…' : `${q.total.toLocaleString()} to review`}
        </span>
        <div className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          data-testid="bulk-open"
          disabled={!vocabulary?.some((t) => t.pendingCount > 0) && q.total === 0}
          onClick={() => setBulkOpen(true)}
          title="Accept every pending suggestion of a tag at or above a score (Shift+A)"
        >
          Accept above score…
        </button>
      </div>
      <div className="review-run">
        <RunSuggestions disabled={noVocabulary} onDone={onRunDone} runNonce={props.runNonce} />
      </div>
      {q.error && (
        <div className="banner banner-error review-banner" role="alert" data-testid="queue-error">
          {q.error}
          <button type="button" className="button small" onClick={q.reload}>
            Retry
          </button>
        </div>
      )}
      <div className="review-split">
        <div className="review-main">
          {noVocabulary || (q.items !== null && q.items.length === 0) ? (
            <QueueEmpty
              reason={noVocabulary ? 'no-tags' : filtered ? 'filtered' : 'nothing'}
              onManageTags={onManageTags}
              onClearFilters={() => setFilters((f) => ({ ...f, tag: '', tagger: '' }))}
            />
          ) : (
            <ul
              ref={listRef}
              className="queue-list"
              role="listbox"
              aria-label="Suggestions to review"
              aria-activedescendant={q.current ? `sugg-${q.current.id}` : undefined}
              tabIndex={0}
              data-testid="queue-list"
            >
              {(q.items ?? []).map((s, i) => (
                <li
                  key={s.id}
                  id={`sugg-${s.id}`}
                  role="option"
                  aria-selected={i === q.cursor}
                  data-index={i}
                  data-testid="queue-row"
                  data-tag={s.tag}
                  className={`queue-row ${i === q.cursor ? 'selected' : ''}`}
                  onClick={() => q.setCursor(i)}
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
          )}
        </div>
        {q.current && (
          <SuggestionDetail
            suggestion={q.current}
            color={colors.get(q.current.tag)}
            canUndo={q.canUndo}
            onDecide={q.decide}
            onUndo={q.undo}
            onOpenPaper={onOpenPaper}
          />
        )}
      </div>
      <div className="sr-only" aria-live="polite" data-testid="queue-status">
        {q.status}
      </div>
      {bulkOpen && vocabulary && (
        <BulkAcceptDialog
          tags={vocabulary}
          initialTag={filters.tag || q.current?.tag || ''}
          tagger={filters.tagger || undefined}
          onClose={() => {
            setBulkOpen(false);
            listRef.current?.focus({ preventScroll: true });
          }}
          onAccepted={(res) => {
            q.reload();
            onChanged();
            if (res.undoToken) {
              const token = res.undoToken;
              onUndoable({
                text: `Accepted ${res.count.toLocaleString()} suggestions of “${res.tag}”`,
                undo: async () => {
                  const r = await api.call('tagging:undo', { undoToken: token });
                  q.reload();
                  onChanged();
                  return `Back to pending: ${r.restored.toLocaleString()} suggestions of “${res.tag}”`;
                },
              });
            }
          }}
        />
      )}
    </div>
  );
}
