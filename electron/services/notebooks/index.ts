// Notebooks service: maps the notebook methods of the contract onto the file store, the run
// orchestration (sandboxed JavaScript in a child process per run, fits in the compute worker) and the pure exporters in shared/notebook.
import type { Handlers } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { createDefaultRegistry } from '@shared/notebook/cells/index';
import { newId, summaryOf, type Cell, type Notebook } from '@shared/notebook/model';
import { validateCell, type CellRegistry } from '@shared/notebook/registry';
import { notebookStatus } from '@shared/notebook/staleness';
import { exportNotebookJob } from './export-job';
import { katexCss } from './katex-css';
import { FitWorker } from './fit-worker';
import { runAll, runOne, type RunDeps, type RunJavaScript } from './run';
import type { ChildLauncher } from './sandbox/child-launcher';
import { runJavaScriptInNode } from './sandbox/node-runner';
import { libraryHost, paperRef, type LibraryReader } from './library-host';
import { searchNotebooks } from './search';
import { NotebookStore } from './store';

export type NotebookMethod =
  | 'notebooks:list'
  | 'notebooks:get'
  | 'notebooks:create'
  | 'notebooks:save'
  | 'notebooks:rename'
  | 'notebooks:duplicate'
  | 'notebooks:delete'
  | 'notebooks:undoDelete'
  | 'notebooks:search'
  | 'notebooks:cellTypes'
  | 'notebooks:runCell'
  | 'notebooks:runAll'
  | 'notebooks:export';

export type NotebookDeps = {
  /** The notebooks folder, normally `<library>/notebooks` (created if missing). */
  dir: string;
  library: LibraryReader;
  /** Defaults to the built-in cell types; extensions (graph…) register on it. */
  registry?: CellRegistry;
  /** Defaults to the sandbox process (./sandbox), started by `launchSandbox`. */
  runJavaScript?: RunJavaScript;
  /** How sandbox processes start: Node's fork by default, a utility process in the Electron app. */
  launchSandbox?: ChildLauncher;
  sandbox?: { timeoutMs?: number; memoryMb?: number };
};

export type NotebookHandlers = Pick<Handlers, NotebookMethod> & { close(): Promise<void> };

/** The store, opened on first use so wiring stays synchronous; every method awaits the opening. */
function lazyStore(dir: string): NotebookStore {
  const opening = NotebookStore.open(dir);
  opening.catch(() => {}); // reported by the first call instead
  return new Proxy({} as NotebookStore, {
    get:
      (_t, key: keyof NotebookStore) =>
      async (...args: unknown[]) => {
        const s = await opening;
        return (s[key] as (...a: unknown[]) => unknown).apply(s, args);
      },
  });
}

/** Refuses cells with a repeated id or content their type does not accept. */
function checkCells(registry: CellRegistry, cells: Cell[]): void {
  const ids = new Set<string>();
  for (const c of cells) {
    if (ids.has(c.id)) throw new QuireError('invalid_input', `Two cells have the id "${c.id}".`);
    ids.add(c.id);
    const problem = validateCell(registry, c);
    if (problem) throw new QuireError('invalid_input', problem);
  }
}

/** A file name from the title: word characters, dots and dashes; the id when nothing is left. */
function exportName(nb: Notebook, format: string): string {
  const base =
    nb.title
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || nb.id;
  return `${base}.${format}`;
}

const byRecency = (a: { updatedAt: string }, b: { updatedAt: string }) =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;

export function createNotebookHandlers(deps: NotebookDeps): NotebookHandlers {
  const store = lazyStore(deps.dir);
  const registry = deps.registry ?? createDefaultRegistry();
  const withStatus = (notebook: Notebook) => ({
    notebook,
    status: notebookStatus(registry, notebook),
  });
  const check = (cells: Cell[]) => checkCells(registry, cells);
  const fits = new FitWorker();
  const runDeps: RunDeps = {
    store,
    fits,
    registry,
    runJavaScript:
      deps.runJavaScript ??
      ((source, env, opts) => runJavaScriptInNode(source, env, opts, deps.launchSandbox)),
    sandbox: deps.sandbox,
    host: libraryHost(deps.library),
  };
  const fresh = (nb: Omit<Notebook, 'id' | 'createdAt' | 'updatedAt' | 'revision'>): Notebook => {
    const now = new Date().toISOString();
    return { ...nb, id: newId(), createdAt: now, updatedAt: now, revision: 0 };
  };
  return {
    'notebooks:list': async () => (await store.all()).notebooks.map(summaryOf).sort(byRecency),
    'notebooks:get': async ({ id }) => withStatus(await store.read(id)),
    'notebooks:create': async ({ title, cells }) => {
      const list = cells ?? [];
      check(list);
      return withStatus(await store.create(fresh({ title, cells: list })));
    },
    'notebooks:save': async ({ notebook, baseRevision }) => {
      check(notebook.cells);
      return withStatus(await store.save(notebook, baseRevision));
    },
    'notebooks:rename': async ({ id, title }) =>
      summaryOf(await store.update(id, (nb) => ({ ...nb, title }))),
    'notebooks:duplicate': async ({ id, title }) => {
      const src = await store.read(id);
      const copy = fresh({ ...src, title: title ?? `${src.title} (copy)`.slice(0, 300) });
      return summaryOf(await store.create(copy));
    },
    'notebooks:delete': async ({ id }) => ({ deleted: 1, undoToken: await store.delete(id) }),
    'notebooks:undoDelete': async ({ undoToken }) => ({
      restored: summaryOf(await store.undoDelete(undoToken)),
    }),
    'notebooks:search': async ({ query, limit }) =>
      searchNotebooks((await store.all()).notebooks, query, limit),
    'notebooks:cellTypes': async () =>
      registry.all().map((t) => ({
        type: t.type,
        label: t.label,
        content: t.content,
        computable: Boolean(t.run),
        defaults: t.defaults(),
      })),
    'notebooks:runCell': ({ id, cellId }, ctx) => runOne(runDeps, id, cellId, ctx),
    'notebooks:runAll': ({ id, onlyStale }, ctx) => runAll(runDeps, id, onlyStale, ctx),
    'notebooks:export': async ({ id, format }, ctx) => {
      const nb = await store.read(id);
      const options = {
        registry,
        paper: (pid: string) => {
          const p = deps.library.get(pid);
          return p ? paperRef(p) : undefined;
        },
        katexCss: format === 'html' ? await katexCss() : undefined,
      };
      const content = await exportNotebookJob(nb, format, options, ctx);
      return { format, filename: exportName(nb, format), content };
    },
    // Sandbox processes live only for one cell run; the fit worker is kept warm until closed.
    close: async () => fits.close(),
  };
}
