// Appends papers selected on the map to a notebook as paper cells (one card per paper, the notebook
// convention), or makes a new notebook of them. Existing cards are not duplicated; a save that lost
// a race with another window (revision conflict) is retried once on the fresh copy.
import type { Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { NOTEBOOK_LIMITS, newId, type Cell, type Notebook } from '@shared/notebook/model';

export type AddResult = { notebookId: string; title: string; added: number; present: number };

function paperCell(paperId: string): Cell {
  return {
    id: newId(),
    type: 'paper',
    data: { paperId, annotation: '' },
    outputs: [],
    inputsHash: null,
    ranAt: null,
  };
}

/** The paper ids of a notebook's paper cells. */
function papersIn(nb: Notebook): Set<string> {
  const ids = new Set<string>();
  for (const c of nb.cells) {
    const id = (c.data as { paperId?: unknown } | undefined)?.paperId;
    if (c.type === 'paper' && typeof id === 'string') ids.add(id);
  }
  return ids;
}

function tooMany(count: number): never {
  throw new Error(
    `A notebook holds at most ${NOTEBOOK_LIMITS.cells} cells; ${count} would be too many. Select fewer papers.`,
  );
}

/** A new notebook holding a card per paper. */
export async function addToNewNotebook(
  api: Api,
  ids: readonly string[],
  title: string,
): Promise<AddResult> {
  const unique = [...new Set(ids)];
  if (unique.length > NOTEBOOK_LIMITS.cells) tooMany(unique.length);
  const { notebook } = await api.call('notebooks:create', {
    title,
    cells: unique.map(paperCell),
  });
  return { notebookId: notebook.id, title: notebook.title, added: unique.length, present: 0 };
}

/** Appends a card per paper not already in the notebook. */
export async function addToNotebook(
  api: Api,
  notebookId: string,
  ids: readonly string[],
): Promise<AddResult> {
  for (let attempt = 0; ; attempt++) {
    const { notebook } = await api.call('notebooks:get', { id: notebookId });
    const have = papersIn(notebook);
    const fresh = [...new Set(ids)].filter((id) => !have.has(id));
    const result = {
      notebookId,
      title: notebook.title,
      added: fresh.length,
      present: new Set(ids).size - fresh.length,
    };
    if (fresh.length === 0) return result;
    const cells = [...notebook.cells, ...fresh.map(paperCell)];
    if (cells.length > NOTEBOOK_LIMITS.cells) tooMany(cells.length);
    try {
      await api.call('notebooks:save', {
        notebook: { ...notebook, cells },
        baseRevision: notebook.revision,
      });
      return result;
    } catch (err) {
      const conflict =
        err instanceof QuireError &&
        (err.details as { reason?: unknown } | undefined)?.reason === 'conflict';
      if (!conflict || attempt > 0) throw err;
    }
  }
}
