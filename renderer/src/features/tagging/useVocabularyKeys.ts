// The vocabulary's keyboard: j/k move, n new tag, e/Enter edit, m merge, Delete delete (only with
// the list focused); idle while a tag is edited or merged.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { TagInfo } from '@shared/api/tagging-contract';

type KeyState = {
  tags: TagInfo[] | null;
  cur: number;
  editing: string | null;
  merging: TagInfo | null;
  setCursor(i: number): void;
  focusNew(): void;
  edit(name: string): void;
  startMerge(t: TagInfo): void;
  remove(t: TagInfo): Promise<void>;
};

export function useVocabularyKeys(
  active: boolean,
  listRef: RefObject<HTMLDivElement | null>,
  state: KeyState,
) {
  const keyState = useRef(state);
  // Same commit as the list it describes (see ReviewQueue): keys never act on a stale list.
  useLayoutEffect(() => {
    keyState.current = state;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const s = keyState.current;
      if (s.editing || s.merging || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey)
        return;
      const t = e.target;
      const inList = t instanceof Node && (listRef.current?.contains(t) ?? false);
      if (!(
        t === document.body ||
        t === listRef.current ||
        (inList && !(t instanceof HTMLButtonElement))
      ))
        return;
      const tag = s.tags?.[s.cur];
      let handled = true;
      if (e.key === 'j' || e.key === 'ArrowDown')
        s.setCursor(Math.min(s.cur + 1, Math.max(0, (s.tags?.length ?? 1) - 1)));
      else if (e.key === 'k' || e.key === 'ArrowUp') s.setCursor(Math.max(0, s.cur - 1));
      else if (e.key === 'n') s.focusNew();
      else if ((e.key === 'e' || e.key === 'Enter') && tag) s.edit(tag.name);
      else if (e.key === 'm' && tag) s.startMerge(tag);
      // Deleting needs the list to have the focus, as in the library's table: a stray
      // Backspace elsewhere must not remove a tag.
      else if ((e.key === 'Delete' || e.key === 'Backspace') && tag && inList) void s.remove(tag);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, listRef]);
}
