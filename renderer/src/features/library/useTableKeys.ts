// Keyboard selection in the library table: arrows, pages, Home/End, Enter to open, Delete; a row
// the keys reach before its page has loaded is selected when it arrives.
import { useEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { ROW_HEIGHT } from './PaperRow';
import type { PaperPages } from './usePaperPages';

type Options = {
  pages: PaperPages;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The first row on screen, where the arrows start when nothing is selected. */
  first: number;
  selectedId: string | null;
  onSelect(id: string): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
};

export function useTableKeys(o: Options) {
  const { pages, virtualizer, scrollRef, first, selectedId, onSelect, onOpen, onDelete } = o;
  const total = pages.total ?? 0;
  const selectedIndex = selectedId ? pages.indexOf(selectedId) : -1;

  // A row the keyboard moved to before its page had loaded (End in a large library): selected
  // as soon as it arrives, so the key selects as well as scrolls.
  const pendingRow = useRef<number | null>(null);
  useEffect(() => {
    const i = pendingRow.current;
    if (i === null) return;
    const row = pages.getRow(i);
    if (row) {
      pendingRow.current = null;
      onSelect(row.id);
    }
  });

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    const row = pages.getRow(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    pendingRow.current = row ? null : i;
    if (row) onSelect(row.id);
    else pages.ensureRange(i, i);
  };

  return (e: React.KeyboardEvent) => {
    if (total === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(selectedIndex < 0 ? first : selectedIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(selectedIndex < 0 ? first : selectedIndex - 1);
        break;
      case 'PageDown':
        moveTo(Math.max(selectedIndex, 0) + page);
        break;
      case 'PageUp':
        moveTo(Math.max(selectedIndex, 0) - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
        if (selectedId) onOpen(selectedId);
        break;
      // Delete only: Backspace is "go back" in file managers and too easy to hit by accident.
      case 'Delete':
        if (selectedId) onDelete(selectedId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}
