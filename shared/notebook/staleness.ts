// Staleness: a computed cell's output is stale when the hash of its inputs (its own content plus
// the content and outputs of every cell it reads) differs from the hash recorded when it ran.
import { findCell, type Cell, type CellStatus, type Notebook } from './model';
import type { CellRegistry } from './registry';
import { canonicalJson, contentHash } from './stable-json';

export function inputsHash(registry: CellRegistry, cell: Cell, nb: Notebook): string {
  const t = registry.get(cell.type);
  const reads = (t?.inputsOf?.(cell, nb) ?? [])
    .map((id) => findCell(nb, id))
    .filter((c): c is Cell => c !== undefined)
    .map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      source: c.source,
      data: c.data,
      outputs: c.outputs,
    }));
  return contentHash(
    canonicalJson({ type: cell.type, source: cell.source, data: cell.data, reads }),
  );
}

export function cellStatus(registry: CellRegistry, cell: Cell, nb: Notebook): CellStatus {
  if (!registry.get(cell.type)?.run) return 'not-computable';
  if (cell.inputsHash === null) return 'never-run';
  return cell.inputsHash === inputsHash(registry, cell, nb) ? 'fresh' : 'stale';
}

/** Status of every cell, by id (what `notebooks:get` returns beside the notebook). */
export function notebookStatus(registry: CellRegistry, nb: Notebook): Record<string, CellStatus> {
  return Object.fromEntries(nb.cells.map((c) => [c.id, cellStatus(registry, c, nb)]));
}
