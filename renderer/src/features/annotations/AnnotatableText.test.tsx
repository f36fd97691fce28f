// @vitest-environment jsdom
// Selecting in a title or abstract with TeX: DOM selections map back to source offsets (a formula
// taken whole, `\$` as its two source characters), the keyboard selects by character, word and
// sentence, `h` and Enter report the selection, and overlapping highlights nest.
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotatableText } from './AnnotatableText';
import type { Capture } from './capture';
import { sentenceAt, stepWord } from './caret';
import { domPoint, sourceRange } from './domOffsets';
import type { Paint } from './pieces';

afterEach(cleanup);

const colourOf = () => '#f2c94c';

function view(text: string, paints: Paint[] = [], handlers: Record<string, unknown> = {}) {
  const { getByTestId } = render(
    <AnnotatableText
      field="abstract"
      text={text}
      paints={paints}
      colourOf={colourOf}
      label="Abstract"
      testId="t"
      {...handlers}
    />,
  );
  return getByTestId('t');
}

/** The text node of the leaf whose source starts at `s`. */
function leafText(root: HTMLElement, s: number): Node {
  const leaf = root.querySelector(`span[data-s="${s}"]`);
  if (!leaf?.firstChild) throw new Error(`no leaf at ${s}`);
  return leaf.firstChild;
}

describe('DOM selection → source offsets', () => {
  const text = 'We prove $O(n \\log n)$ time. It costs \\$5 per run.';

  it('maps a selection in plain text to the same characters of the source', () => {
    const root = view(text);
    const r = document.createRange();
    const t = leafText(root, 0);
    r.setStart(t, 3);
    r.setEnd(t, 8);
    expect(sourceRange(root, r)).toEqual([3, 8]);
    expect(text.slice(3, 8)).toBe('prove');
  });

  it('widens a selection that starts or ends inside a formula to the whole formula', () => {
    const root = view(text);
    const math = root.querySelector('[data-atom].tex-math')!;
    // Some text node deep inside KaTeX's markup (the visible part, not the MathML copy).
    const inner = [...math.querySelectorAll('.katex-html *')]
      .flatMap((e) => [...e.childNodes])
      .find((n) => n.nodeType === Node.TEXT_NODE && n.textContent === 'g');
    expect(inner).toBeTruthy();
    const r = document.createRange();
    r.setStart(inner!, 0);
    const after = leafText(root, 22);
    r.setEnd(after, 5);
    const [s, e] = sourceRange(root, r)!;
    expect(text.slice(s, e)).toBe('$O(n \\log n)$ time');
    const r2 = document.createRange();
    r2.setStart(leafText(root, 0), 3);
    r2.setEnd(inner!, 1);
    const [s2, e2] = sourceRange(root, r2)!;
    expect(text.slice(s2, e2)).toBe('prove $O(n \\log n)$');
  });

  it('counts an escaped dollar as its two source characters', () => {
    const root = view(text);
    const start = text.indexOf('\\$');
    const r = document.createRange();
    r.setStart(root.querySelector(`span[data-s="${start}"]`)!, 0);
    r.setEnd(leafText(root, start + 2), 1);
    const [s, e] = sourceRange(root, r)!;
    expect(text.slice(s, e)).toBe('\\$5');
  });

  it('maps source offsets back to DOM points on both sides of a formula', () => {
    const root = view(text);
    const p = domPoint(root, 9)!;
    const r = document.createRange();
    r.setStart(p.node, p.offset);
    r.setEnd(domPoint(root, 22)!.node, domPoint(root, 22)!.offset);
    expect(sourceRange(root, r)).toEqual([9, 22]);
  });
});

describe('keyboard', () => {
  const text = 'First sentence here. We show $a.b$ holds. Last one.';

  it('stepWord jumps over a formula as one word; sentenceAt ignores a full stop inside math', () => {
    const atoms = [[29, 34]] as const;
    expect(stepWord(text, atoms, 24, 1)).toBe(28);
    expect(stepWord(text, atoms, 28, 1)).toBe(34);
    expect(text.slice(...sentenceAt(text, atoms, 30))).toBe('We show $a.b$ holds.');
    expect(text.slice(...sentenceAt(text, atoms, 20))).toBe('We show $a.b$ holds.');
  });

  it('Shift+Ctrl+Right selects words, h highlights them, Enter comments on them', () => {
    const onHighlight = vi.fn<(c: Capture) => void>();
    const onComment = vi.fn();
    const root = view(text, [], { onHighlight, onComment });
    root.focus();
    fireEvent.keyDown(root, { key: 'ArrowRight', shiftKey: true, ctrlKey: true });
    fireEvent.keyDown(root, { key: 'ArrowRight', shiftKey: true, ctrlKey: true });
    expect(document.getSelection()?.toString()).toBe('First sentence');
    fireEvent.keyDown(root, { key: 'h' });
    expect(onHighlight).toHaveBeenCalledWith({
      field: 'abstract',
      exact: 'First sentence',
      prefix: '',
      suffix: ' here. We show $a.b$ holds. Last',
      start: 0,
      end: 14,
    });
    // The highlight used the selection up: Enter now has nothing to comment on.
    fireEvent.keyDown(root, { key: 'Enter' });
    expect(onComment).not.toHaveBeenCalled();
    fireEvent.keyDown(root, { key: 'ArrowLeft', shiftKey: true, ctrlKey: true });
    fireEvent.keyDown(root, { key: 'Enter' });
    expect(onComment.mock.calls[0]?.[0]).toMatchObject({ exact: 'sentence' });
  });

  it('s selects the sentence at the caret, again grows it by the next one', () => {
    const onHighlight = vi.fn<(c: Capture) => void>();
    const root = view(text, [], { onHighlight });
    root.focus();
    for (let i = 0; i < 4; i++) fireEvent.keyDown(root, { key: 'ArrowRight', ctrlKey: true });
    fireEvent.keyDown(root, { key: 's' });
    fireEvent.keyDown(root, { key: 'h' });
    expect(onHighlight.mock.calls[0]?.[0].exact).toBe('We show $a.b$ holds.');
    fireEvent.keyDown(root, { key: 'Home' });
    fireEvent.keyDown(root, { key: 's' });
    fireEvent.keyDown(root, { key: 's' });
    fireEvent.keyDown(root, { key: 'h' });
    expect(onHighlight.mock.calls[1]?.[0].exact).toBe('First sentence here. We show $a.b$ holds.');
  });

  it('Enter with the caret inside a highlight opens that highlight', () => {
    const onComment = vi.fn();
    const root = view(text, [{ id: 'a1', start: 0, end: 14, kind: 'claim' }], { onComment });
    root.focus();
    fireEvent.keyDown(root, { key: 'ArrowRight' });
    fireEvent.keyDown(root, { key: 'Enter' });
    expect(onComment).toHaveBeenCalledWith(null, 'a1');
  });
});

describe('painting', () => {
  it('nests overlapping highlights: the overlap sits in both marks, the narrower one inside', () => {
    const text = 'alpha beta gamma delta';
    const root = view(text, [
      { id: 'wide', start: 0, end: 16, kind: 'claim' },
      { id: 'narrow', start: 6, end: 22, kind: 'method' },
    ]);
    const overlap = root.querySelector('span[data-s="6"]')!;
    expect(overlap.textContent).toBe('beta gamma');
    const ids = [];
    for (let el = overlap.parentElement; el && el !== root; el = el.parentElement)
      if (el.matches('mark.ann-hl')) ids.push(el.getAttribute('data-annotation-id'));
    expect(ids.sort()).toEqual(['narrow', 'wide']);
    expect(root.textContent).toBe(text);
  });
});

describe('undo keys in a title or abstract', () => {
  it('Ctrl+Z and Cmd+Z stay in the text: the app-wide undo (of a deleted paper) never hears them', () => {
    // The app's global shortcuts listen on window, as App.tsx does.
    const global = vi.fn();
    window.addEventListener('keydown', global);
    try {
      const root = view('We prove a bound. It is tight.');
      root.focus();
      fireEvent.keyDown(root, { key: 'z', ctrlKey: true });
      fireEvent.keyDown(root, { key: 'Z', metaKey: true });
      fireEvent.keyDown(root, { key: 'z', ctrlKey: true, shiftKey: true });
      expect(global).not.toHaveBeenCalled();
      // Other keys still reach the app (e.g. Ctrl+K opens the palette from here).
      fireEvent.keyDown(root, { key: 'k', ctrlKey: true });
      expect(global).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', global);
    }
  });
});
