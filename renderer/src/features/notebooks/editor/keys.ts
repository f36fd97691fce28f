// The notebook editor's keyboard shortcuts: undo/redo, run the cell or all, a new cell below, move.
import type { Dispatch, KeyboardEvent } from 'react';
import type { Cell } from '@shared/notebook/model';
import type { DocAction } from '../docState';

export type KeyTargets = {
  cells: Cell[];
  /** The cell holding the focus, if any. */
  active: Cell | undefined;
  dispatch: Dispatch<DocAction>;
  computable(type: string): boolean;
  run(cellId: string | null): void;
  addCell(type: string, index: number): void;
  move(cellId: string, d: -1 | 1): void;
};

const isMod = (e: KeyboardEvent) => e.metaKey || e.ctrlKey;

/** Handles a key pressed anywhere in the editor; keys it uses go no further. */
export function onEditorKey(e: KeyboardEvent<HTMLElement>, t: KeyTargets): void {
  const key = e.key.toLowerCase();
  const { active } = t;
  const handled = () => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (isMod(e) && key === 'z' && !e.altKey) {
    handled();
    t.dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
  } else if (isMod(e) && key === 'y') {
    handled();
    t.dispatch({ type: 'redo' });
  } else if (e.key === 'Enter' && isMod(e) && e.shiftKey) {
    handled();
    t.run(null);
  } else if (e.key === 'Enter' && (e.shiftKey || isMod(e)) && active) {
    if (t.computable(active.type)) {
      handled();
      t.run(active.id);
    }
  } else if (e.key === 'Enter' && e.altKey && active) {
    handled();
    t.addCell(active.type, t.cells.indexOf(active) + 1);
  } else if (isMod(e) && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && active) {
    handled();
    t.move(active.id, e.key === 'ArrowUp' ? -1 : 1);
  }
}
