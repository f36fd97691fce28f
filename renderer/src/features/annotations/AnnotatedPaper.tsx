// A paper's title and abstract as annotatable text with its highlights painted, the selection
// toolbar (kind chips, Highlight, Comment), the comment editor and the list of highlights.
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Paper } from '../../../../shared/api/schemas';
import type { Annotation } from '../../../../shared/annotations/types';
import { useApi } from '../../apiContext';
import { TexText } from '../../components/TexText';
import { AnnotatableText } from './AnnotatableText';
import type { Capture, Field } from './capture';
import { CommentEditor } from './CommentEditor';
import { takeHighlightFocus } from './focusRequest';
import { HighlightList } from './HighlightList';
import { KindPicker } from './KindPicker';
import type { Paint } from './pieces';
import { useKinds } from './useKinds';
import { usePaperAnnotations } from './usePaperAnnotations';

type Props = {
  paper: Paper;
  version?: number;
  openPaper?(id: string): void;
  /** Where the title goes (the pane's heading): given the rendered title. */
  renderTitle(title: ReactNode): ReactNode;
};

const paintsOf = (items: readonly Annotation[], field: Field): Paint[] =>
  items.flatMap((a) =>
    a.field === field && a.anchor && !a.orphaned
      ? [{ id: a.id, start: a.anchor.start, end: a.anchor.end, kind: a.kind }]
      : [],
  );

export function AnnotatedPaper({ paper, version = 0, openPaper = () => {}, renderTitle }: Props) {
  const api = useApi();
  const kinds = useKinds(api, version);
  const ann = usePaperAnnotations(api, paper.id, version);
  const [kind, setKind] = useState<string | null>(null);
  const [selection, setSelection] = useState<Capture | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [undo, setUndo] = useState<string | null>(null);
  const current =
    kind && kinds.kinds.some((k) => k.id === kind) ? kind : (kinds.kinds[0]?.id ?? 'claim');

  const titlePaints = useMemo(() => paintsOf(ann.items, 'title'), [ann.items]);
  const abstractPaints = useMemo(() => paintsOf(ann.items, 'abstract'), [ann.items]);

  // A link back from a notebook quote asked for one of these highlights: bring it into view.
  useEffect(() => {
    const id = takeHighlightFocus(ann.items.map((a) => a.id));
    if (!id) return;
    // After the list has painted, so there is an element to scroll to.
    const frame = requestAnimationFrame(() => {
      setActive(id);
      document.getElementById(`highlight-${id}`)?.scrollIntoView?.({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [ann.items]);

  const highlight = useCallback(
    async (c: Capture, thenComment: boolean) => {
      const made = await ann.add(c, current);
      if (!made) return;
      setActive(made.id);
      setSelection(null);
      if (thenComment) setEditing(made.id);
    },
    [ann, current],
  );

  const onComment = useCallback(
    (c: Capture | null, id: string | null) => {
      if (c) void highlight(c, true);
      else if (id) setEditing(id);
    },
    [highlight],
  );

  // Digits pick a kind while the text has the focus; `h`, Enter and the motions are the text's own.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target as HTMLElement).classList.contains('ann-text')) return;
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
    const k = kinds.kinds[Number(e.key) - 1];
    if (k) {
      e.preventDefault();
      setKind(k.id);
    }
  };

  const editingItem = ann.items.find((a) => a.id === editing) ?? null;
  const text = (field: Field, value: string, paints: Paint[]) => (
    <AnnotatableText
      field={field}
      text={value}
      paints={paints}
      colourOf={kinds.colourOf}
      label={field === 'title' ? 'Title' : 'Abstract'}
      testId={`annotatable-${field}`}
      onSelect={setSelection}
      onHighlight={(c) => void highlight(c, false)}
      onComment={onComment}
      onOpen={setActive}
    />
  );

  return (
    <div className="ann-paper" onKeyDown={onKeyDown}>
      {renderTitle(paper.title ? text('title', paper.title, titlePaints) : 'Untitled')}
      <div className="ann-toolbar" data-testid="highlight-toolbar">
        <KindPicker kinds={kinds.kinds} value={current} onChange={setKind} />
        <button
          type="button"
          className="button small"
          data-testid="highlight-button"
          disabled={!selection}
          title="Highlight the selection (h)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => selection && void highlight(selection, false)}
        >
          Highlight <kbd>h</kbd>
        </button>
        <button
          type="button"
          className="button small"
          disabled={!selection}
          title="Highlight and comment (Enter)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => selection && void highlight(selection, true)}
        >
          Comment <kbd>↵</kbd>
        </button>
        {selection && (
          <span className="ann-toolbar-quote" data-testid="selection-quote">
            “<TexText text={selection.exact} />”
          </span>
        )}
      </div>
      <section className="abstract">
        <div className="section-head">
          <span>Abstract</span>
        </div>
        {paper.abstract ? (
          text('abstract', paper.abstract, abstractPaints)
        ) : (
          <p className="muted">No abstract.</p>
        )}
      </section>
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
    </div>
  );
}
