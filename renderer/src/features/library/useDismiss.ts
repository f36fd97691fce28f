// A popup menu's open state that closes itself on a click outside its anchor or on Escape inside it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function useDismiss() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  /** For the anchor's onKeyDown: Escape closes an open menu (and goes no further). */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };

  return { open, setOpen, ref, onKeyDown };
}
