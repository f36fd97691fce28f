// The "Highlights" section of a paper: the count, Undo delete, the comment editor of the highlight
// being commented, and the list.
import { useState } from 'react';
import { CommentEditor } from './CommentEditor';
import { HighlightList } from './HighlightList';
import type { Kinds } from './useKinds';
import type { PaperAnnotations } from './usePaperAnnotations';

type Props = {
  ann: PaperAnnotations;
  kinds: Kinds;
  active: string | null;
  setActive(id: string): void;
  /** The highlight whose comment is being edited. */
  editing: string | null;
  setEditing(id: string | null): void;
  openPaper(id: string): void;
};

export function HighlightsSection({
  ann,
  kinds,
  active,
  setActive,
  editing,
  setEditing,
  openPaper,
}: Props) {
  const [undo, setUndo] = useState<string | null>(null);
  const editingItem = ann.items.find((a) => a.id === editing) ?? null;
  return (
    <section className="ann-section" aria-label="Highlights">
      <div className="section-head">
        <span>Highlights{ann.items.length ? ` (${ann.items.length})` : ''}</span>
        {undo && (
          <button
            type="button"
            className="button small"
            data-testid="highlight-undo"
            onClick={() => {
              void ann.undo(undo);
              setUndo(null);
            }}
          >
            Undo delete
          </button>
        )}
      </div>
      {ann.error && (
        <p className="field-error" role="alert">
          {ann.error}
        </p>
      )}
      {editingItem && (
        <CommentEditor
          key={editingItem.id}
          initial={editingItem.comment}
          quote={editingItem.selectors.quote.exact}
          openPaper={openPaper}
          onCancel={() => setEditing(null)}
          onSave={(comment) =>
            void ann.update(editingItem.id, { comment }).then((ok) => ok && setEditing(null))
          }
        />
      )}
      <HighlightList
        items={ann.items}
        kinds={kinds}
        active={active}
        onActivate={setActive}
        onComment={setEditing}
        onKind={(id, k) => void ann.update(id, { kind: k })}
        onRemove={(id) =>
          void ann.remove(id).then((token) => {
            if (token) setUndo(token);
            if (editing === id) setEditing(null);
          })
        }
        openPaper={openPaper}
      />
    </section>
  );
}
