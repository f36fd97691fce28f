// Editing the cell list of the open notebook: add (at the end or between cells), move, delete,
// change and rename cells as undoable edits, and focus the cell just added or moved (or a search hit).
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import type { CellTypeInfo } from '@shared/api/notebook-contract';
import { newId, type Cell } from '@shared/notebook/model';
import type { DocAction } from '../docState';

export type NotebookEditing = {
  addCell(type: string, index: number): void;
  move(cellId: string, d: -1 | 1): void;
  remove(cellId: string): void;
  /** Replaces a cell; `key` groups a typing burst into one undo step. */
  change(next: Cell, key?: string): void;
  rename(cell: Cell, name: string): void;
  /** Where the "insert a cell here" menu is open, if anywhere. */
  insertAt: number | null;
  setInsertAt(index: number | null): void;
  /** Registers a cell's element so it can be focused and scrolled to. */
  cellRef(cellId: string): (el: HTMLElement | null) => void;
};

export function useNotebookEditing(
  cells: Cell[],
  dispatch: Dispatch<DocAction>,
  typeInfo: (type: string) => CellTypeInfo | undefined,
  focusCellId: string | null | undefined,
): NotebookEditing {
  const [insertAt, setInsertAt] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(focusCellId ?? null);
  const cellEls = useRef(new Map<string, HTMLElement>());

  const setCells = useCallback(
    (next: Cell[], key?: string) => dispatch({ type: 'edit', cells: next, key, at: Date.now() }),
    [dispatch],
  );

  const addCell = (type: string, index: number) => {
    const info = typeInfo(type);
    const defaults = info ? structuredClone(info.defaults) : {};
    const cell: Cell = {
      id: newId(),
      type,
      ...defaults,
      outputs: [],
      inputsHash: null,
      ranAt: null,
    };
    const next = [...cells];
    next.splice(index, 0, cell);
    setCells(next);
    setInsertAt(null);
    setFocusId(cell.id);
  };

  const move = (cellId: string, d: -1 | 1) => {
    const i = cells.findIndex((c) => c.id === cellId);
    const j = i + d;
    if (i < 0 || j < 0 || j >= cells.length) return;
    const next = [...cells];
    const [c] = next.splice(i, 1);
    if (c) next.splice(j, 0, c);
    setCells(next);
    setFocusId(cellId);
  };

  const remove = (cellId: string) => setCells(cells.filter((c) => c.id !== cellId));

  const change = (next: Cell, key = `cell:${next.id}`) =>
    setCells(
      cells.map((c) => (c.id === next.id ? next : c)),
      key,
    );

  const rename = (cell: Cell, name: string) => {
    const next: Cell = { ...cell, name: name.trim() ? name.slice(0, 100) : undefined };
    if (!next.name) delete next.name;
    change(next, `name:${cell.id}`);
  };

  // Focus (and show) a cell that was just added or moved, or a search hit.
  useEffect(() => {
    if (!focusId) return;
    const el = cellEls.current.get(focusId);
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    const field = el.querySelector<HTMLElement>(
      '.nb-cell-body :is(textarea, input:not([type=checkbox]), select)',
    );
    (field ?? el).focus({ preventScroll: true });
    const t = setTimeout(() => setFocusId(null), 0);
    return () => clearTimeout(t);
  }, [focusId, cells]);

  const cellRef = (cellId: string) => (el: HTMLElement | null) => {
    if (el) cellEls.current.set(cellId, el);
    else cellEls.current.delete(cellId);
  };

  return { addCell, move, remove, change, rename, insertAt, setInsertAt, cellRef };
}
