// `notebooks:export` as a job: the exporters (shared/notebook/export, unchanged) are called with a
// registry that reports each exported cell as progress and stops at the next cell once cancelled.
import type { Progress } from '@shared/api/contract';
import { throwIfCancelled } from '@shared/api/errors';
import { exportNotebook, type ExportOptions } from '@shared/notebook/export/index';
import type { NotebookExportFormat } from '@shared/notebook/export/formats';
import type { Notebook } from '@shared/notebook/model';
import type { CellExporters, CellRegistry, CellType } from '@shared/notebook/registry';

type JobContext = { signal: AbortSignal; onProgress(p: Progress): void };

/** The registry with every cell exporter wrapped: check for cancel before, count after. */
function countingRegistry(inner: CellRegistry, total: number, ctx: JobContext): CellRegistry {
  let done = 0;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => {
      throwIfCancelled(ctx.signal);
      const out = f(...a);
      done = Math.min(total, done + 1);
      ctx.onProgress({ phase: 'cells', done, total });
      return out;
    };
  const wrapped = new Map<string, CellType>();
  const get = (type: string): CellType | undefined => {
    const t = inner.get(type);
    if (!t) return undefined;
    let w = wrapped.get(type);
    if (!w) {
      const exporters = Object.fromEntries(
        Object.entries(t.exporters).map(([k, f]) => [k, wrap(f as (...a: unknown[]) => unknown)]),
      ) as CellExporters;
      w = { ...t, exporters };
      wrapped.set(type, w);
    }
    return w;
  };
  return { register: inner.register, get, all: () => inner.all().map((t) => get(t.type) ?? t) };
}

/** Lets pending I/O (a cancel message) run before the result is handed back. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Exports a notebook with progress `cells` (exported / total). A cancel seen before a cell, or by
 * the time the content is complete, ends it with `cancelled` and no content.
 */
export async function exportNotebookJob(
  nb: Notebook,
  format: NotebookExportFormat,
  o: ExportOptions,
  ctx: JobContext,
): Promise<string> {
  const total = nb.cells.length;
  ctx.onProgress({ phase: 'cells', done: 0, total });
  await yieldToLoop();
  throwIfCancelled(ctx.signal);
  const content = exportNotebook(nb, format, {
    ...o,
    registry: countingRegistry(o.registry, total, ctx),
  });
  ctx.onProgress({ phase: 'cells', done: total, total });
  await yieldToLoop();
  throwIfCancelled(ctx.signal);
  return content;
}
