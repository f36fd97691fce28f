// Confirms merging one tag into another: papers that carry the first carry the second instead.
import { useState } from 'react';
import type { TagInfo } from '@shared/api/tagging-contract';
import { Modal } from '../../components/Modal';
import { DialogFoot } from './DialogFoot';
import { errorMessage } from '@shared/api/errors';

type Props = {
  from: TagInfo;
  tags: TagInfo[];
  onClose(): void;
  onMerge(into: string): Promise<void>;
};

export function MergeDialog({ from, tags, onClose, onMerge }: Props) {
  const targets = tags.filter((t) => t.name !== from.name);
  const [into, setInto] = useState(targets[0]?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = targets.find((t) => t.name === into);

  const merge = async () => {
    if (!into) return;
    setBusy(true);
    try {
      await onMerge(into);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal label={`Merge ${from.name}`} onClose={onClose} testId="merge-dialog">
      <div className="modal-head">
        <h2>Merge “{from.name}” into another tag</h2>
      </div>
      <div className="modal-body">
        {targets.length === 0 ? (
          <p>There is no other tag to merge into.</p>
        ) : (
          <>
            <div className="form-row">
              <label htmlFor="merge-into">Into</label>
              <select
                id="merge-into"
                className="select"
                data-testid="merge-into"
                value={into}
                onChange={(e) => setInto(e.target.value)}
              >
                {targets.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name} ({t.paperCount} papers)
                  </option>
                ))}
              </select>
            </div>
            <p data-testid="merge-summary">
              The {from.paperCount.toLocaleString()} {from.paperCount === 1 ? 'paper' : 'papers'}{' '}
              tagged “{from.name}” will be tagged “{into}” instead (a paper with both keeps one),
              and its {from.pendingCount.toLocaleString()} pending suggestions become suggestions of
              “{into}”. “{from.name}” and its description are removed
              {target?.description ? `; “${into}” keeps its own description.` : '.'}
            </p>
            <p className="muted small">A merge cannot be undone: rename a tag instead if unsure.</p>
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <DialogFoot
        onCancel={onClose}
        onConfirm={() => void merge()}
        disabled={busy || !into}
        tone="danger"
        testId="merge-confirm"
        label="Merge"
      />
    </Modal>
  );
}
