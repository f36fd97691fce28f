// The selection of an annotatable text, kept in source offsets: follows the document selection
// (mouse, caret browsing), shows a kept selection again after a re-render, and draws a caret
// (a read-only text shows none of its own).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { capture, type Capture, type Field } from './capture';
import { domPoint, selectSource, sourceOffset } from './domOffsets';
import type { Sel } from './textKeys';

export type CaretBox = { left: number; top: number; height: number };

export function useTextSelection(
  field: Field,
  text: string,
  /** Changes whenever the rendered pieces do (their text nodes are replaced). */
  rendered: unknown,
  onSelect?: (c: Capture | null) => void,
) {
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
  }, [rendered, drawCaret]);

  // Focus starts a caret at the beginning; leaving hides it.
  const onFocus = useCallback(() => {
    if (!sel.current) sel.current = { anchor: 0, focus: 0 };
    drawCaret();
  }, [drawCaret]);
  const onBlur = useCallback(() => setCaret(null), [setCaret]);

  return { root, sel, caret, setSel, current, onFocus, onBlur };
}
