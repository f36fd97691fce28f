// Takes a pending "show this highlight" request (a link back from a notebook quote) once the
// paper's highlights are listed: marks it active and scrolls it into view.
import { useEffect } from 'react';
import type { Annotation } from '@shared/annotations/types';
import { takeHighlightFocus } from './focusRequest';

export function useHighlightFocus(items: readonly Annotation[], setActive: (id: string) => void) {
  useEffect(() => {
    const id = takeHighlightFocus(items.map((a) => a.id));
    if (!id) return;
    // After the list has painted, so there is an element to scroll to.
    const frame = requestAnimationFrame(() => {
      setActive(id);
      document.getElementById(`highlight-${id}`)?.scrollIntoView?.({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [items, setActive]);
}
