// The review queue's toolbar: filter by tag and tagger, sort, the count to review, bulk accept.
import type { Dispatch, SetStateAction } from 'react';
import { TAGGER_NAMES, type TagInfo, type TaggerName } from '@shared/api/tagging-contract';
import { TAGGER_LABELS } from './format';
import type { QueueFilters } from './useReviewQueue';

type Props = {
  vocabulary: TagInfo[] | null;
  filters: QueueFilters;
  setFilters: Dispatch<SetStateAction<QueueFilters>>;
  /** null while loading. */
  total: number | null;
  onBulk(): void;
};

export function QueueToolbar({ vocabulary, filters, setFilters, total, onBulk }: Props) {
  return (
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
        {total === null ? 'Loading…' : `${total.toLocaleString()} to review`}
      </span>
      <div className="toolbar-spacer" />
      <button
        type="button"
        className="button"
        data-testid="bulk-open"
        disabled={!vocabulary?.some((t) => t.pendingCount > 0) && total === 0}
        onClick={onBulk}
        title="Accept every pending suggestion of a tag at or above a score (Shift+A)"
      >
        Accept above score…
      </button>
    </div>
  );
}
