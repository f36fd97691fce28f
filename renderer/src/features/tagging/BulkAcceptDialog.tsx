// Bulk "accept all suggestions of tag X at or above score S": counts first (dryRun), then accepts.
import { useState } from 'react';
import type { TagInfo, TaggerName } from '@shared/api/tagging-contract';
import { useApi } from '../../apiContext';
import { Modal } from '../../components/Modal';
import { errorMessage } from '@shared/api/errors';
import { DialogFoot } from './DialogFoot';
import { TAGGER_LABELS, formatScore } from './format';
import { useBulkCount } from './useBulkCount';

type Props = {
  tags: TagInfo[];
  initialTag: string;
  tagger?: TaggerName;
  onClose(): void;
  onAccepted(res: { count: number; undoToken: string | null; tag: string }): void;
};

export function BulkAcceptDialog({ tags, initialTag, tagger, onClose, onAccepted }: Props) {
  const api = useApi();
  const withPending = tags.filter((t) => t.pendingCount > 0);
  const [tag, setTag] = useState(initialTag || (withPending[0]?.name ?? tags[0]?.name ?? ''));
  const [minScore, setMinScore] = useState(0.8);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useBulkCount(tag, minScore, tagger);
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
        <ScoreField value={minScore} onChange={setMinScore} />
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
      <DialogFoot
        onCancel={onClose}
        onConfirm={() => void accept()}
        disabled={busy || count === null || count === 0}
        tone="primary"
        testId="bulk-confirm"
        label={count ? `Accept ${count.toLocaleString()}` : 'Accept'}
      />
    </Modal>
  );
}

/** The minimum score: a slider and a number field that move together. */
function ScoreField({ value, onChange }: { value: number; onChange(v: number): void }) {
  return (
    <div className="form-row">
      <label htmlFor="bulk-score">Score ≥</label>
      <input
        id="bulk-score"
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={formatScore(value)}
      />
      <input
        type="number"
        className="tag-input bulk-number"
        aria-label="Minimum score"
        data-testid="bulk-score"
        min={0}
        max={1}
        step={0.01}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onChange(Math.min(1, Math.max(0, v)));
        }}
      />
    </div>
  );
}
