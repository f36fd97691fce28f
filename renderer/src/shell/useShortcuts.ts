// Global keys: Mod+K (palette), Mod+I (import), Mod+1…9 (views), `/` (filter or search), Mod+Z (undo).
import { useEffect, useRef } from 'react';
import type { CommandContext } from '../features/commands/registry';
import { VIEWS } from '../views';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

type Options = {
  ctx: CommandContext;
  /** A dialog or the palette is open: only Mod+K still works. */
  modalOpen: boolean;
  /** The import dialog is open: Mod+K does not open the palette over it. */
  importOpen: boolean;
  togglePalette(): void;
};

export function useShortcuts({ ctx, modalOpen, importOpen, togglePalette }: Options): void {
  // The listener is installed once; it reads the latest state through refs.
  const latest = useRef({ ctx, modalOpen, importOpen, togglePalette });
  useEffect(() => {
    latest.current = { ctx, modalOpen, importOpen, togglePalette };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      const { ctx: c, modalOpen: modal, importOpen: importing } = latest.current;
      if (mod && key === 'k') {
        e.preventDefault();
        if (!importing) latest.current.togglePalette();
        return;
      }
      if (modal) return;
      if (mod && key === 'i') {
        e.preventDefault();
        c.openImport();
      } else if (mod && !e.shiftKey && !e.altKey && /^[1-9]$/.test(e.key)) {
        const v = VIEWS[Number(e.key) - 1];
        if (v) {
          e.preventDefault();
          c.go(v);
        }
      } else if (isEditable(e.target)) {
        return;
      } else if (e.key === '/' && !mod) {
        // In Library `/` filters the table; everywhere else it goes to Search.
        e.preventDefault();
        if (c.view === 'library') c.focusFilter();
        else c.focusSearch?.();
      } else if (mod && key === 'z' && !e.shiftKey && c.canUndo) {
        e.preventDefault();
        c.undoDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
