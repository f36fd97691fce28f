// Keys that move and grow the selection in an annotatable text: arrows (Ctrl/Alt/Meta: by word),
// Home/End, Shift to extend, `s` for the sentence at the caret (again: the next one too).
import { sentenceAt, stepChar, stepWord, type Atom } from './caret';

/** A selection in source offsets; anchor = focus is a caret. */
export type Sel = { anchor: number; focus: number };

type Key = { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

/** Where `e` moves the selection `s`, or null when it is not a moving key. */
export function movedSelection(e: Key, s: Sel, text: string, atoms: Atom[]): Sel | null {
  const word = e.ctrlKey || e.altKey || e.metaKey;
  const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    const collapsedEdge =
      !e.shiftKey && s.anchor !== s.focus
        ? dir > 0
          ? Math.max(s.anchor, s.focus)
          : Math.min(s.anchor, s.focus)
        : null;
    const to =
      collapsedEdge ??
      (word ? stepWord(text, atoms, s.focus, dir) : stepChar(text, atoms, s.focus, dir));
    return e.shiftKey ? { anchor: s.anchor, focus: to } : { anchor: to, focus: to };
  }
  if (e.key === 'Home' || e.key === 'End') {
    const to = e.key === 'Home' ? 0 : text.length;
    return e.shiftKey ? { anchor: s.anchor, focus: to } : { anchor: to, focus: to };
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 's') {
    // The sentence at the caret; pressed again, the selection grows by the next sentence.
    const lo = Math.min(s.anchor, s.focus);
    const hi = Math.max(s.anchor, s.focus);
    const [a, b] = sentenceAt(text, atoms, lo);
    const grow = lo === a && hi >= b && hi < text.length;
    const next = grow ? sentenceAt(text, atoms, stepChar(text, atoms, hi, 1))[1] : b;
    return { anchor: a, focus: Math.max(next, b) };
  }
  return null;
}
