// A title or abstract the reader can select in, with the mouse or the keyboard (Shift+arrows,
// Ctrl+Shift+arrows by word, `s` for the sentence), that paints the paper's highlights (nested
// marks where they overlap) and reports the selection in source offsets, formulas taken whole.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { renderTex } from '../../components/tex';
import { capture, type Capture, type Field } from './capture';
import { sentenceAt, stepChar, stepWord, type Atom } from './caret';
import { domPoint, selectSource, sourceOffset } from './domOffsets';
import { pieces, type Paint, type Piece } from './pieces';
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

type Sel = { anchor: number; focus: number };
type CaretBox = { left: number; top: number; height: number };

// Stable empty defaults: a fresh `[]` per render would recompute the pieces and loop the caret.
const NO_PAINTS: readonly Paint[] = [];
const NO_MATCHES: readonly (readonly [number, number])[] = [];

function leaf(p: Piece, colourOf: Props['colourOf']): ReactNode {
  let node: ReactNode;
  if (p.kind === 'text')
    node = (
      <span key="l" data-s={p.start} data-e={p.end}>
        {p.shown}
      </span>
    );
  else {
    const r = p.tex === null ? null : renderTex(p.tex);
    node =
      r && 'html' in r ? (
        <span
          key="l"
          data-s={p.start}
          data-e={p.end}
          data-atom=""
          className="tex-math"
          // KaTeX output for a formula only (no trust, no raw HTML): see renderTex.
          dangerouslySetInnerHTML={{ __html: r.html }}
        />
      ) : (
        <span key="l" data-s={p.start} data-e={p.end} data-atom="" className={r ? 'tex-error' : ''}>
          {p.shown}
        </span>
      );
  }
  if (p.match) node = <mark className="search-match">{node}</mark>;
  // Innermost is the shortest highlight, so where two overlap the narrower one shows on top.
  for (let i = p.paints.length - 1; i >= 0; i--) {
    const h = p.paints[i]!;
    node = (
      <mark
        className="ann-hl"
        data-annotation-id={h.id}
        data-kind={h.kind}
        style={{ ['--hl' as string]: colourOf(h.kind) }}
      >
        {node}
      </mark>
    );
  }
  return node;
}

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
  const root = useRef<HTMLDivElement>(null);
  const sel = useRef<Sel | null>(null);
  const [caret, setCaretBox] = useState<CaretBox | null>(null);
  // Only a moved caret re-renders.
  const setCaret = useCallback((c: CaretBox | null) => {
    setCaretBox((old) =>
      old === c || (old && c && old.left === c.left && old.top === c.top && old.height === c.height)
        ? old
        : c,
    );
  }, []);
  const list = useMemo(() => pieces(text, paints, matches), [text, paints, matches]);
  const atoms = useMemo<Atom[]>(
    () => list.filter((p) => p.kind === 'atom').map((p) => [p.start, p.end] as const),
    [list],
  );

  const current = useCallback((): Capture | null => {
    const s = sel.current;
    return s ? capture(field, text, s.anchor, s.focus) : null;
  }, [field, text]);

  /** Draws the caret where the selection is collapsed (a read-only text shows none of its own). */
  const drawCaret = useCallback(() => {
    const el = root.current;
    const s = sel.current;
    if (!el || !s || s.anchor !== s.focus || el.ownerDocument.activeElement !== el) {
      setCaret(null);
      return;
    }
    const p = domPoint(el, s.focus);
    if (!p) return setCaret(null);
    const r = el.ownerDocument.createRange();
    r.setStart(p.node, p.offset);
    // No layout (jsdom): nothing to draw.
    if (typeof r.getClientRects !== 'function') return setCaret(null);
    const box = r.getClientRects()[0] ?? r.getBoundingClientRect();
    const base = el.getBoundingClientRect();
    setCaret({ left: box.left - base.left, top: box.top - base.top, height: box.height || 16 });
  }, [setCaret]);

  const setSel = useCallback(
    (next: Sel | null, show: boolean) => {
      sel.current = next;
      const el = root.current;
      if (el && next && show) {
        if (next.anchor !== next.focus) selectSource(el, next.anchor, next.focus);
        else el.ownerDocument.getSelection()?.removeAllRanges();
      }
      drawCaret();
      onSelect?.(next ? capture(field, text, next.anchor, next.focus) : null);
    },
    [drawCaret, field, onSelect, text],
  );

  // Mouse selections (and Chromium's caret browsing) arrive as document selection changes.
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onChange = () => {
      const el = root.current;
      const s = doc.getSelection();
      if (!el || !s || s.rangeCount === 0 || !s.anchorNode || !s.focusNode) return;
      if (!el.contains(s.anchorNode) || !el.contains(s.focusNode)) return;
      const r = s.getRangeAt(0);
      const backwards = r.startContainer !== s.anchorNode || r.startOffset !== s.anchorOffset;
      const a = sourceOffset(el, s.anchorNode, s.anchorOffset, backwards ? 'end' : 'start');
      const f = sourceOffset(el, s.focusNode, s.focusOffset, backwards ? 'start' : 'end');
      if (a === null || f === null) return;
      const prev = sel.current;
      if (prev && prev.anchor === a && prev.focus === f) return;
      setSel({ anchor: a, focus: f }, false);
    };
    doc.addEventListener('selectionchange', onChange);
    return () => doc.removeEventListener('selectionchange', onChange);
  }, [setSel]);

  // Re-rendering (a new highlight) replaces text nodes: show the kept selection again.
  useLayoutEffect(() => {
    const el = root.current;
    const s = sel.current;
    if (el && s && s.anchor !== s.focus && el.ownerDocument.activeElement === el)
      selectSource(el, s.anchor, s.focus);
    drawCaret();
  }, [list, drawCaret]);

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
    const word = e.ctrlKey || e.altKey || e.metaKey;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const collapsedEdge =
        !e.shiftKey && s.anchor !== s.focus
          ? dir > 0
            ? Math.max(s.anchor, s.focus)
            : Math.min(s.anchor, s.focus)
          : null;
      const to =
        collapsedEdge ??
        (word ? stepWord(text, atoms, s.focus, dir) : stepChar(text, atoms, s.focus, dir));
      setSel(e.shiftKey ? { anchor: s.anchor, focus: to } : { anchor: to, focus: to }, true);
      return;
    }
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const to = e.key === 'Home' ? 0 : text.length;
      setSel(e.shiftKey ? { anchor: s.anchor, focus: to } : { anchor: to, focus: to }, true);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 's') {
      // The sentence at the caret; pressed again, the selection grows by the next sentence.
      e.preventDefault();
      const lo = Math.min(s.anchor, s.focus);
      const hi = Math.max(s.anchor, s.focus);
      const [a, b] = sentenceAt(text, atoms, lo);
      const grow = lo === a && hi >= b && hi < text.length;
      const next = grow ? sentenceAt(text, atoms, stepChar(text, atoms, hi, 1))[1] : b;
      setSel({ anchor: a, focus: Math.max(next, b) }, true);
      return;
    }
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
      onFocus={() => {
        if (!sel.current) sel.current = { anchor: 0, focus: 0 };
        drawCaret();
      }}
      onBlur={() => setCaret(null)}
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
