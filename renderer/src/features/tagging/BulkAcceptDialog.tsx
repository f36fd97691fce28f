// Bulk "accept all suggestions of tag X at or above score S": counts first (dryRun), then accepts.
import { useEffect, useState } from 'react';
import type { TagInfo, TaggerName } from '../../../../shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { Modal } from '../../components/Modal';
import { errorMessage } from '../../../../shared/api/errors';
import { TAGGER_LABELS, formatScore } from './format';

type Props = {
  tags: TagInfo[];
  initialTag: string;
  tagger?: TaggerName;
  onClose(): void;
  onAccepted(res: { count: number; undoToken: string | null; tag: string }): void;
};

/** Slider and typing settle for this long before the count is asked again. */
const COUNT_DEBOUNCE_MS = 200;

type Count = { key: string; count: number } | { key: string; error: string };

export function BulkAcceptDialog({ tags, initialTag, tagger, onClose, onAccepted }: Props) {
  const api = useApi();
  const withPending = tags.filter((t) => t.pendingCount > 0);
  const [tag, setTag] = useState(initialTag || (withPending[0]?.name ?? tags[0]?.name ?? ''));
  const [minScore, setMinScore] = useState(0.8);
  const [counted, setCounted] = useState<Count | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = `${tag}\u0000${minScore}\u0000${tagger ?? ''}`;

  useEffect(() => {
    if (!tag) return;
    let live = true;
    const t = setTimeout(() => {
      api
        .call('tagging:acceptAbove', {
          tag,
          minScore,
          dryRun: true,
          ...(tagger ? { tagger } : {}),
        })
        .then(
          (res) => live && setCounted({ key, count: res.count }),
          (err: unknown) => live && setCounted({ key, error: errorMessage(err) }),
        );
    }, COUNT_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, tag, minScore, tagger, key]);

  // Only a count for exactly what is on screen may be confirmed.
  const current = counted?.key === key ? counted : null;
  const count = current && 'count' in current ? current.count : null;

  const accept = async () => {
    if (count === null || count === 0) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.call('tagging:acceptAbove', {
        tag,
        minScore,
        dryRun: false,
        ...(tagger ? { tagger } : {}),
      });
      onAccepted({ ...res, tag });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal label="Accept suggestions above a score" onClose={onClose} testId="bulk-dialog">
      <div className="modal-head">
        <h2>Accept suggestions above a score</h2>
      </div>
      <div className="modal-body bulk-body">
        <div className="form-row">
          <label htmlFor="bulk-tag">Tag</label>
          <select
            id="bulk-tag"
            className="select"
            data-testid="bulk-tag"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          >
            {tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.pendingCount} pending)
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="bulk-score">Score ≥</label>
          <input
            id="bulk-score"
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={minScore}
            onChange={(e) => setMinScore(Number(e.target.value))}
            aria-valuetext={formatScore(minScore)}
          />
          <input
            type="number"
            className="tag-input bulk-number"
            aria-label="Minimum score"
            data-testid="bulk-score"
            min={0}
            max={1}
            step={0.01}
            value={minScore}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v)) setMinScore(Math.min(1, Math.max(0, v)));
            }}
          />
        </div>
        {tagger && <p className="muted small">Only {TAGGER_LABELS[tagger]} suggestions.</p>}
        <p className="bulk-count" data-testid="bulk-count" aria-live="polite">
          {!tag
            ? 'Add a tag first.'
            : current === null
              ? 'Counting…'
              : 'error' in current
                ? current.error
                : current.count === 0
                  ? `No pending suggestions of “${tag}” score ${formatScore(minScore)} or more.`
                  : `${current.count.toLocaleString()} pending ${current.count === 1 ? 'suggestion' : 'suggestions'} of “${tag}” score ${formatScore(minScore)} or more.`}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="modal-foot">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="bulk-confirm"
          disabled={busy || count === null || count === 0}
          onClick={() => void accept()}
        >
          {count ? `Accept ${count.toLocaleString()}` : 'Accept'}
        </button>
      </div>
    </Modal>
  );
}
