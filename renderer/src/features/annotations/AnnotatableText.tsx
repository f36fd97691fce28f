// A title or abstract the reader can select in, with the mouse or the keyboard (Shift+arrows,
// Ctrl+Shift+arrows by word, `s` for the sentence), that paints the paper's highlights (nested
// marks where they overlap) and reports the selection in source offsets, formulas taken whole.
import { useMemo, type KeyboardEvent } from 'react';
import type { Capture, Field } from './capture';
import type { Atom } from './caret';
import { pieces, type Paint } from './pieces';
import { movedSelection } from './textKeys';
import { leaf } from './textLeaf';
import { useTextSelection } from './useTextSelection';
import './annotations.css';
import 'katex/dist/katex.min.css';

type Props = {
  field: Field;
  text: string;
  paints?: readonly Paint[];
  /** Search matches (source offsets), marked inside the highlights. */
  matches?: readonly (readonly [number, number])[];
  colourOf(kind: string): string;
  /** The selection changed (null: nothing selected). */
  onSelect?(c: Capture | null): void;
  /** `h` on a selection. */
  onHighlight?(c: Capture): void;
  /** Enter: on a selection, or with the caret inside a highlight (its id). */
  onComment?(c: Capture | null, highlightId: string | null): void;
  /** A click on a highlight (with nothing selected). */
  onOpen?(highlightId: string): void;
  label: string;
  testId?: string;
};

// Stable empty defaults: a fresh `[]` per render would recompute the pieces and loop the caret.
const NO_PAINTS: readonly Paint[] = [];
const NO_MATCHES: readonly (readonly [number, number])[] = [];

export function AnnotatableText({
  field,
  text,
  paints = NO_PAINTS,
  matches = NO_MATCHES,
  colourOf,
  onSelect,
  onHighlight,
  onComment,
  onOpen,
  label,
  testId,
}: Props) {
  const list = useMemo(() => pieces(text, paints, matches), [text, paints, matches]);
  const atoms = useMemo<Atom[]>(
    () => list.filter((p) => p.kind === 'atom').map((p) => [p.start, p.end] as const),
    [list],
  );

  const { root, sel, caret, setSel, current, onFocus, onBlur } = useTextSelection(
    field,
    text,
    list,
    onSelect,
  );

  const highlightAt = (at: number): string | null => {
    const inside = paints.filter((p) => at >= p.start && at < p.end);
    inside.sort((a, b) => a.end - a.start - (b.end - b.start));
    return inside[0]?.id ?? null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Undo keys pressed while reading a passage mean "undo what I did here", never "restore the
    // paper deleted a minute ago": the app-wide Mod+Z (on window) must not hear them.
    if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
      e.stopPropagation();
      return;
    }
    const s = sel.current ?? { anchor: 0, focus: 0 };
    const moved = movedSelection(e, s, text, atoms);
    if (moved) {
      e.preventDefault();
      setSel(moved, true);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'h' && onHighlight) {
      const c = current();
      if (c) {
        e.preventDefault();
        onHighlight(c);
        // Done with this selection: the caret stays at its end, so Enter does not make another.
        setSel({ anchor: s.focus, focus: s.focus }, true);
      }
      return;
    }
    if (e.key === 'Enter' && onComment) {
      const c = current();
      const id = c ? null : highlightAt(s.focus);
      if (c || id) {
        e.preventDefault();
        onComment(c, id);
        if (c) setSel({ anchor: s.focus, focus: s.focus }, true);
      }
      return;
    }
    if (e.key === 'Escape' && s.anchor !== s.focus) {
      e.preventDefault();
      setSel({ anchor: s.focus, focus: s.focus }, true);
    }
  };

  return (
    <div
      ref={root}
      className="ann-text"
      data-testid={testId}
      data-field={field}
      tabIndex={0}
      role="document"
      aria-label={`${label}: Shift+arrows or s select, h highlights, Enter comments`}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={(e) => {
        const mark = (e.target as HTMLElement).closest('mark.ann-hl');
        const s = sel.current;
        if (mark && onOpen && (!s || s.anchor === s.focus))
          onOpen(mark.getAttribute('data-annotation-id') ?? '');
      }}
    >
      {list.map((p) => (
        <span key={`${p.start}-${p.end}`} className="ann-piece">
          {leaf(p, colourOf)}
        </span>
      ))}
      {caret && (
        <span
          className="ann-caret"
          aria-hidden
          style={{ left: caret.left, top: caret.top, height: caret.height }}
        />
      )}
    </div>
  );
}
