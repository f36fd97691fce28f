// Settings card for the highlight kinds: label and colour of each, add, remove, reorder (the order
// is the 1–9 keys'). Saved as a whole; the service refuses dropping a kind still in use, and says so.
import { errorMessage } from '@shared/api/errors';
import { useState } from 'react';
import type { AnnotationKind } from '@shared/annotations/types';
import { useApi } from '../../apiContext';
import { useKinds } from './useKinds';
import './annotations.css';

/** A kind id from a label: lower-case words joined by hyphens, as the contract asks. */
function idFor(label: string, taken: readonly AnnotationKind[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'kind';
  let id = base;
  for (let i = 2; taken.some((k) => k.id === id); i++) id = `${base}-${i}`;
  return id;
}

export function KindsPanel() {
  const api = useApi();
  const saved = useKinds(api);
  const [draft, setDraft] = useState<AnnotationKind[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const list = draft ?? [...saved.kinds];
  const edit = (i: number, change: Partial<AnnotationKind>) =>
    setDraft(list.map((k, j) => (j === i ? { ...k, ...change } : k)));
  const move = (i: number, d: number) => {
    const next = [...list];
    const [k] = next.splice(i, 1);
    if (!k) return;
    next.splice(Math.max(0, Math.min(next.length, i + d)), 0, k);
    setDraft(next);
  };

  return (
    <section className="card" data-testid="kinds-panel">
      <h2>Highlight kinds</h2>
      <div className="ann-kinds-table">
        {list.map((k, i) => (
          <div key={k.id} className="ann-kinds-row" data-testid="kind-row">
            <input
              type="color"
              aria-label={`Colour of ${k.label}`}
              value={k.color}
              onChange={(e) => edit(i, { color: e.target.value })}
            />
            <input
              className="nb-input"
              aria-label={`Label of ${k.id}`}
              value={k.label}
              onChange={(e) => edit(i, { label: e.target.value })}
            />
            <span className="ann-key">{i < 9 ? i + 1 : ''}</span>
            <button
              type="button"
              className="button small"
              aria-label={`Move ${k.label} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button small"
              aria-label={`Remove ${k.label}`}
              disabled={list.length === 1}
              onClick={() => setDraft(list.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <form
          className="ann-kinds-row"
          onSubmit={(e) => {
            e.preventDefault();
            const label = newLabel.trim();
            if (!label) return;
            setDraft([...list, { id: idFor(label, list), label, color: '#8a9bb0' }]);
            setNewLabel('');
          }}
        >
          <input
            className="nb-input"
            placeholder="New kind, e.g. Open question"
            aria-label="New kind"
            value={newLabel}
            onChange={(e) => setNewLabel(e.target.value)}
          />
          <button type="submit" className="button small" disabled={!newLabel.trim()}>
            Add
          </button>
        </form>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="ann-editor-actions" style={{ marginTop: 8 }}>
        <button
          type="button"
          className="button small primary"
          disabled={!draft}
          onClick={() =>
            void saved.save(list).then(
              () => {
                setDraft(null);
                setError(null);
              },
              (e: unknown) => setError(errorMessage(e)),
            )
          }
        >
          Save kinds
        </button>
        {draft && (
          <button type="button" className="button small" onClick={() => setDraft(null)}>
            Discard changes
          </button>
        )}
      </div>
      <p className="muted small">
        Keys 1–9 pick a kind while you select text in a paper; the order here is theirs.
      </p>
    </section>
  );
}
