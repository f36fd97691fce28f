// A paper's title and abstract as annotatable text with its highlights painted, the selection
// toolbar (kind chips, Highlight, Comment), the comment editor and the list of highlights.
import { useCallback, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Paper } from '@shared/api/schemas';
import type { Annotation } from '@shared/annotations/types';
import { useApi } from '../../apiContext';
import { AnnotatableText } from './AnnotatableText';
import type { Capture, Field } from './capture';
import { HighlightsSection } from './HighlightsSection';
import { HighlightToolbar } from './HighlightToolbar';
import type { Paint } from './pieces';
import { useHighlightFocus } from './useHighlightFocus';
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
  const current =
    kind && kinds.kinds.some((k) => k.id === kind) ? kind : (kinds.kinds[0]?.id ?? 'claim');

  const titlePaints = useMemo(() => paintsOf(ann.items, 'title'), [ann.items]);
  const abstractPaints = useMemo(() => paintsOf(ann.items, 'abstract'), [ann.items]);

  // A link back from a notebook quote asked for one of these highlights: bring it into view.
  useHighlightFocus(ann.items, setActive);

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
      <HighlightToolbar
        kinds={kinds.kinds}
        kind={current}
        onKind={setKind}
        selection={selection}
        onHighlight={(c, thenComment) => void highlight(c, thenComment)}
      />
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
      <HighlightsSection
        ann={ann}
        kinds={kinds}
        active={active}
        setActive={setActive}
        editing={editing}
        setEditing={setEditing}
        openPaper={openPaper}
      />
    </div>
  );
}
