// The review queue's keyboard: j/k or arrows move, a accept, r reject, u undo, A bulk accept,
// Enter opens the paper, Home/End jump; only while the queue is active and focus is in it or nowhere.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { useReviewQueue } from './useReviewQueue';

/** Keys on a button keep their meaning there (Enter presses it). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName)
  );
}

type KeyState = {
  q: ReturnType<typeof useReviewQueue>;
  bulkOpen: boolean;
  onOpenPaper(id: string): void;
  openBulk(): void;
};

export function useQueueKeys(active: boolean, rootRef: RefObject<HTMLElement | null>, s: KeyState) {
  // Keys act when focus is in the queue or nowhere in particular (not in a dialog or a field).
  const keyState = useRef(s);
  // A layout effect, in the same commit as the rows: with a passive one, a key pressed right after
  // the rows appeared (a fast user, a loaded machine) acted on the queue as it was before them.
  useLayoutEffect(() => {
    keyState.current = s;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const { q: queue, bulkOpen: dialog, onOpenPaper: open, openBulk } = keyState.current;
      if (dialog || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      const inQueue = t instanceof Node && (rootRef.current?.contains(t) ?? false);
      if (!(t === document.body || inQueue)) return;
      const plainTarget = !ownsKeys(t);
      const key = e.key;
      let handled = true;
      if (key === 'j' || key === 'ArrowDown') queue.move(1);
      else if (key === 'k' || key === 'ArrowUp') queue.move(-1);
      else if (key === 'a' && plainTarget) queue.decide('accepted');
      else if (key === 'r' && plainTarget) queue.decide('rejected');
      else if (key === 'u' && plainTarget) queue.undo();
      else if (key === 'A' && plainTarget) openBulk();
      else if (key === 'Enter' && plainTarget && queue.current) open(queue.current.paperId);
      else if (key === 'Home' && plainTarget) queue.setCursor(0);
      else if (key === 'End' && plainTarget) queue.setCursor(Number.MAX_SAFE_INTEGER);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, rootRef]);
}
