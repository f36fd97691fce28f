// The editor's document state as a pure reducer: the notebook being edited, per-cell status from
// the last server answer, and undo/redo over the cells (edits, adds, deletes, moves). Typing in
// one cell within a second is one undo step. Outputs are not undone: they belong to the last run.
import type { NotebookWithStatus } from '@shared/api/notebook-contract';
import type { Cell, CellStatus, Notebook } from '@shared/notebook/model';

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export type DocState = {
  nb: Notebook;
  status: Record<string, CellStatus>;
  past: Cell[][];
  future: Cell[][];
  /** Which edit the last history step belongs to, so typing bursts merge into one step. */
  last: { key: string; at: number } | null;
  /** Bumped by every local change; autosave saves when it differs from the saved one. */
  version: number;
};

export type DocAction =
  | { type: 'edit'; cells: Cell[]; key?: string; at: number }
  | { type: 'title'; title: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A server answer (save, run, reload of outputs): outputs and status, no undo step. */
  | { type: 'adopt'; server: NotebookWithStatus };

export function initDoc(loaded: NotebookWithStatus): DocState {
  return {
    nb: loaded.notebook,
    status: loaded.status,
    past: [],
    future: [],
    last: null,
    version: 0,
  };
}

/**
 * `cells` with the outputs (and run facts) of the same cells in `from`, unless the local cell ran
 * later: a cell the view runs itself (graph) may get its outputs while a save sent before them is
 * in flight, and that save's answer must not wipe them.
 */
function keepOutputs(cells: Cell[], from: Cell[]): Cell[] {
  const byId = new Map(from.map((c) => [c.id, c]));
  return cells.map((c) => {
    const cur = byId.get(c.id);
    if (!cur || (c.ranAt ?? '') > (cur.ranAt ?? '')) return c;
    return { ...c, outputs: cur.outputs, inputsHash: cur.inputsHash, ranAt: cur.ranAt };
  });
}

export function docReducer(s: DocState, a: DocAction): DocState {
  switch (a.type) {
    case 'edit': {
      const merge = a.key !== undefined && s.last?.key === a.key && a.at - s.last.at < COALESCE_MS;
      return {
        ...s,
        nb: { ...s.nb, cells: a.cells },
        past: merge ? s.past : [...s.past, s.nb.cells].slice(-HISTORY_LIMIT),
        future: [],
        last: a.key !== undefined ? { key: a.key, at: a.at } : null,
        version: s.version + 1,
      };
    }
    case 'title':
      return { ...s, nb: { ...s.nb, title: a.title }, version: s.version + 1 };
    case 'undo': {
      const prev = s.past.at(-1);
      if (!prev) return s;
      return {
        ...s,
        nb: { ...s.nb, cells: keepOutputs(prev, s.nb.cells) },
        past: s.past.slice(0, -1),
        future: [...s.future, s.nb.cells],
        last: null,
        version: s.version + 1,
      };
    }
    case 'redo': {
      const next = s.future.at(-1);
      if (!next) return s;
      return {
        ...s,
        nb: { ...s.nb, cells: keepOutputs(next, s.nb.cells) },
        past: [...s.past, s.nb.cells],
        future: s.future.slice(0, -1),
        last: null,
        version: s.version + 1,
      };
    }
    case 'adopt': {
      const server = a.server.notebook;
      return {
        ...s,
        nb: {
          ...s.nb,
          revision: server.revision,
          updatedAt: server.updatedAt,
          cells: keepOutputs(s.nb.cells, server.cells),
        },
        status: { ...s.status, ...a.server.status },
      };
    }
  }
}
