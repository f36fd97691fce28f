// The toolbar under a paper's title: the kind chips, Highlight (h) and Comment (Enter) for the
// current selection, and the selected passage quoted.
import type { AnnotationKind } from '@shared/annotations/types';
import { TexText } from '../../components/TexText';
import type { Capture } from './capture';
import { KindPicker } from './KindPicker';

type Props = {
  kinds: readonly AnnotationKind[];
  kind: string;
  onKind(kind: string): void;
  selection: Capture | null;
  /** Highlight the selection, then (Comment) open its comment editor. */
  onHighlight(c: Capture, thenComment: boolean): void;
};

export function HighlightToolbar({ kinds, kind, onKind, selection, onHighlight }: Props) {
  return (
    <div className="ann-toolbar" data-testid="highlight-toolbar">
      <KindPicker kinds={kinds} value={kind} onChange={onKind} />
      <button
        type="button"
        className="button small"
        data-testid="highlight-button"
        disabled={!selection}
        title="Highlight the selection (h)"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => selection && onHighlight(selection, false)}
      >
        Highlight <kbd>h</kbd>
      </button>
      <button
        type="button"
        className="button small"
        disabled={!selection}
        title="Highlight and comment (Enter)"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => selection && onHighlight(selection, true)}
      >
        Comment <kbd>↵</kbd>
      </button>
      {selection && (
        <span className="ann-toolbar-quote" data-testid="selection-quote">
          “<TexText text={selection.exact} />”
        </span>
      )}
    </div>
  );
}
