// The review queue: pending suggestions across the library, reviewed from the keyboard
// (a accept, r reject, j/k move, u undo, Enter open the paper, A accept all above a score).
import { useEffect, useRef, useState } from 'react';
import type { SuggestRunResult, TagInfo } from '@shared/api/tagging-contract';
import type { Api } from '@shared/api/client';
import { useApi } from '../../apiContext';
import { BulkAcceptDialog } from './BulkAcceptDialog';
import { QueueEmpty } from './QueueEmpty';
import { QueueList } from './QueueList';
import { QueueToolbar } from './QueueToolbar';
import { RunSuggestions } from './RunSuggestions';
import { SuggestionDetail } from './SuggestionDetail';
import { useQueueKeys } from './useQueueKeys';
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

/** A bulk accept, offered back as one undoable step. */
function bulkUndoable(
  api: Api,
  res: { count: number; tag: string },
  token: string,
  refresh: () => void,
): Undoable {
  return {
    text: `Accepted ${res.count.toLocaleString()} suggestions of “${res.tag}”`,
    undo: async () => {
      const r = await api.call('tagging:undo', { undoToken: token });
      refresh();
      return `Back to pending: ${r.restored.toLocaleString()} suggestions of “${res.tag}”`;
    },
  };
}

export function ReviewQueue(props: Props) {
  const { active, vocabulary, version, onChanged, onOpenPaper, onUndoable, onManageTags } = props;
  const api = useApi();
  const [filters, setFilters] = useState<QueueFilters>({ tag: '', tagger: '', sort: 'score' });
  const [bulkOpen, setBulkOpen] = useState(false);
  const q = useReviewQueue(filters, version, onChanged);
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const colors = colorMap(vocabulary);
  useQueueKeys(active, rootRef, { q, bulkOpen, onOpenPaper, openBulk: () => setBulkOpen(true) });

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
  const refresh = () => {
    q.reload();
    onChanged();
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
      <QueueToolbar
        vocabulary={vocabulary}
        filters={filters}
        setFilters={setFilters}
        total={q.items === null ? null : q.total}
        onBulk={() => setBulkOpen(true)}
      />
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
            <QueueList
              listRef={listRef}
              items={q.items ?? []}
              cursor={q.cursor}
              current={q.current}
              colors={colors}
              setCursor={q.setCursor}
              onOpenPaper={onOpenPaper}
            />
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
            refresh();
            if (res.undoToken) onUndoable(bulkUndoable(api, res, res.undoToken, refresh));
          }}
        />
      )}
    </div>
  );
}
