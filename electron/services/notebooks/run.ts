// Run orchestration: runs computable cells (one, or all in order by position), stores each cell's
// outputs, inputs hash and time with the notebook as soon as it finishes, and stops on cancel.
import { errorMessage, QuireError, type ErrorCode } from '@shared/api/errors';
import type { CallContext } from '@shared/api/contract';
import type { NotebookRunResult } from '@shared/api/notebook-contract';
import type { FitResult } from '@shared/fit/index';
import type { Cell, CellOutput, Notebook } from '@shared/notebook/model';
import type { CellRegistry, RunContext } from '@shared/notebook/registry';
import type { SandboxHostFunctions, SandboxRunOptions } from '@shared/notebook/sandbox/host';
import { SandboxCancelled } from '@shared/notebook/sandbox/host';
import { SANDBOX_DEFAULTS, type SandboxEnv } from '@shared/notebook/sandbox/protocol';
import { limitOutputs } from '@shared/notebook/limits';
import type { FitArgs } from '../compute/ops';
import { cellStatus, inputsHash, notebookStatus } from '@shared/notebook/staleness';
import { tableOfCell } from '@shared/notebook/tables';
import type { FitWorker } from './fit-worker';
import type { NotebookStore } from './store';

export type RunJavaScript = (
  source: string,
  env: SandboxEnv,
  opts: SandboxRunOptions,
) => Promise<CellOutput[]>;

export type RunDeps = {
  store: NotebookStore;
  registry: CellRegistry;
  runJavaScript: RunJavaScript;
  host: SandboxHostFunctions;
  /** Where fits compute (the compute worker). */
  fits: FitWorker;
  sandbox?: { timeoutMs?: number; memoryMb?: number };
};

/** What a cell can read synchronously: every table (cells and table outputs) and first outputs. */
export function sandboxEnv(nb: Notebook): SandboxEnv {
  const env: SandboxEnv = { tables: {}, outputs: {} };
  for (const c of nb.cells) {
    const t = tableOfCell(c);
    const keys = c.name ? [c.id, c.name] : [c.id];
    if (t) for (const k of keys) env.tables[k] = t;
    const first = c.outputs.find(
      (o) => o.kind === 'json' || o.kind === 'text' || o.kind === 'table',
    );
    if (first) {
      const value =
        first.kind === 'json' ? first.value : first.kind === 'text' ? first.text : t?.rows;
      for (const k of keys) env.outputs[k] = value;
    }
  }
  return env;
}

/** A fit cell has no cell time limit of its own: a bootstrap may take minutes. */
const FIT_CELL_TIMEOUT_MS = 10 * 60_000;

/** Resolves when `p` settles or `signal` aborts, whichever comes first. */
function untilAborted(p: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void p.then(done);
  });
}

export async function runCells(
  deps: RunDeps,
  id: string,
  pick: (nb: Notebook) => string[],
  ctx: CallContext,
  skipFresh = false,
): Promise<NotebookRunResult> {
  let nb = await deps.store.read(id);
  const order = pick(nb);
  const fits = (c: Cell) =>
    c.type === 'fit' || (c.type === 'javascript' && /\bfit\s*\(/.test(c.source ?? ''));
  // Start the fit worker early, in parallel with the cells above the first one that fits.
  if (nb.cells.some((c) => order.includes(c.id) && fits(c))) void deps.fits.warm();
  const ran: string[] = [];
  let stopped = false;
  for (const [i, cellId] of order.entries()) {
    if (ctx.signal.aborted) {
      stopped = true;
      break;
    }
    const cell = nb.cells.find((c) => c.id === cellId);
    const type = cell && deps.registry.get(cell.type);
    if (!cell || !type?.run) continue;
    // Checked here, not up front: re-running a cell above can make this one stale.
    if (skipFresh && cellStatus(deps.registry, cell, nb) === 'fresh') continue;
    ctx.onProgress({ phase: 'running', done: i, total: order.length, message: cellId });
    // Worker start-up and engine load are the host's time, not the cell's: wait before its clock starts.
    if (fits(cell)) await untilAborted(deps.fits.warm(), ctx.signal);
    const hash = inputsHash(deps.registry, cell, nb);
    // A fit still computing when the cell settles (timed out, cancelled) is stopped with it.
    const ticket = deps.fits.ticket();
    const runCtx: RunContext = {
      notebook: nb,
      signal: ctx.signal,
      runJavaScript: (source) =>
        deps.runJavaScript(source, sandboxEnv(nb), {
          signal: ctx.signal,
          host: {
            fit: (...args: unknown[]) =>
              deps.fits.fit(args as FitArgs, ticket, {
                signal: ctx.signal,
                timeoutMs: deps.sandbox?.timeoutMs ?? SANDBOX_DEFAULTS.timeoutMs,
              }),
            ...deps.host,
          },
          ...deps.sandbox,
        }),
      fit: (model, data, options) =>
        deps.fits.fit([model, data, options], ticket, {
          signal: ctx.signal,
          timeoutMs: FIT_CELL_TIMEOUT_MS,
          // A bootstrap's refits, as the run's progress (the message names the cell, as above).
          onProgress: (p) => ctx.onProgress({ ...p, message: cellId }),
        }) as Promise<FitResult>,
    };
    let outputs: CellOutput[];
    try {
      outputs = limitOutputs(await type.run(cell, runCtx).finally(() => deps.fits.settle(ticket)));
    } catch (err) {
      if (err instanceof SandboxCancelled || ctx.signal.aborted) {
        stopped = true;
        break;
      }
      outputs = [
        {
          kind: 'error',
          name: err instanceof Error ? err.name : 'Error',
          message: errorMessage(err),
        },
      ];
    }
    const ranAt = new Date().toISOString();
    // Merge into the latest file: edits saved meanwhile are kept (and make this output stale).
    nb = await deps.store.update(id, (latest) => ({
      ...latest,
      cells: latest.cells.map((c) =>
        c.id === cellId ? { ...c, outputs, inputsHash: hash, ranAt } : c,
      ),
    }));
    ran.push(cellId);
  }
  ctx.onProgress({ phase: stopped ? 'stopped' : 'done', done: ran.length, total: order.length });
  return { notebook: nb, status: notebookStatus(deps.registry, nb), ran, stopped };
}

export function runOne(
  deps: RunDeps,
  id: string,
  cellId: string,
  ctx: CallContext,
): Promise<NotebookRunResult> {
  return runCells(
    deps,
    id,
    (nb) => {
      const cell = nb.cells.find((c) => c.id === cellId);
      if (!cell)
        throw new QuireError(
          'not_found' satisfies ErrorCode,
          `No cell "${cellId}" in notebook "${id}".`,
        );
      if (!deps.registry.get(cell.type)?.run)
        throw new QuireError('invalid_input', `Cell "${cellId}" (${cell.type}) is not computable.`);
      return [cellId];
    },
    ctx,
  );
}

export function runAll(
  deps: RunDeps,
  id: string,
  onlyStale: boolean,
  ctx: CallContext,
): Promise<NotebookRunResult> {
  // By position: a cell reads cells above it, which have run by then.
  return runCells(
    deps,
    id,
    (nb) => nb.cells.filter((c) => deps.registry.get(c.type)?.run).map((c) => c.id),
    ctx,
    onlyStale,
  );
}
