// Notebooks service: maps the notebook methods of the contract onto the file store, the run
// orchestration (sandboxed JavaScript in a child process per run, fits in the compute worker) and the pure exporters in shared/notebook.
import type { Handlers } from '../../../shared/api/contract';
import { QuireError } from '../../../shared/api/errors';
import type { NotebookSearchHit } from '../../../shared/api/notebook-contract';
import type { Paper } from '../../../shared/api/schemas';
import { createDefaultRegistry } from '../../../shared/notebook/cells/index';
import { newId, type Cell, type Notebook } from '../../../shared/notebook/model';
import { validateCell, type CellRegistry, type PaperRef } from '../../../shared/notebook/registry';
import { notebookStatus } from '../../../shared/notebook/staleness';
import { exportNotebookJob } from './export-job';
import { katexCss } from './katex-css';
import { FitWorker } from './fit-worker';
import { runAll, runOne, type RunDeps, type RunJavaScript } from './run';
import type { ChildLauncher } from './sandbox/child-launcher';
import { runJavaScriptInNode } from './sandbox/node-runner';
import { NotebookStore, summaryOf } from './store';

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
  library: { get(id: string): Paper | undefined; all(): Paper[] };
  /** Defaults to the built-in cell types; extensions (graph…) register on it. */
  registry?: CellRegistry;
  /** Defaults to the sandbox process (./sandbox), started by `launchSandbox`. */
  runJavaScript?: RunJavaScript;
  /** How sandbox processes start: Node's fork by default, a utility process in the Electron app. */
  launchSandbox?: ChildLauncher;
  sandbox?: { timeoutMs?: number; memoryMb?: number };
};

export type NotebookHandlers = Pick<Handlers, NotebookMethod> & { close(): Promise<void> };

const paperRef = (p: Paper): PaperRef => ({
  id: p.id,
  title: p.title,
  authors: p.authors,
  year: p.year,
  venue: p.venue,
  doi: p.doi,
  arxivId: p.arxivId,
  url: p.url,
});

function snippet(text: string, at: number, len: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + len + 60);
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, end).replace(/\s+/g, ' ').trim() +
    (end < text.length ? '…' : '')
  );
}

/** The text a search looks at in a cell: its source, annotation, table cells, text outputs. */
function searchableText(c: Cell): string {
  const parts = [c.name ?? '', c.source ?? ''];
  if (c.data !== undefined) parts.push(JSON.stringify(c.data));
  for (const o of c.outputs) if (o.kind === 'text' || o.kind === 'console') parts.push(o.text);
  return parts.join('\n');
}

export function createNotebookHandlers(deps: NotebookDeps): NotebookHandlers {
  // Opened on first use so wiring stays synchronous; every handler awaits it.
  const opening = NotebookStore.open(deps.dir);
  opening.catch(() => {}); // reported by the first call instead
  const lazy = new Proxy({} as NotebookStore, {
    get:
      (_t, key: keyof NotebookStore) =>
      async (...args: unknown[]) => {
        const s = await opening;
        return (s[key] as (...a: unknown[]) => unknown).apply(s, args);
      },
  });
  const store = lazy;
  const registry = deps.registry ?? createDefaultRegistry();
  const withStatus = (notebook: Notebook) => ({
    notebook,
    status: notebookStatus(registry, notebook),
  });
  const check = (cells: Cell[]) => {
    const ids = new Set<string>();
    for (const c of cells) {
      if (ids.has(c.id)) throw new QuireError('invalid_input', `Two cells have the id "${c.id}".`);
      ids.add(c.id);
      const problem = validateCell(registry, c);
      if (problem) throw new QuireError('invalid_input', problem);
    }
  };
  const fits = new FitWorker();
  const runDeps: RunDeps = {
    store,
    fits,
    registry,
    runJavaScript:
      deps.runJavaScript ??
      ((source, env, opts) => runJavaScriptInNode(source, env, opts, deps.launchSandbox)),
    sandbox: deps.sandbox,
    host: {
      search: (...args: unknown[]) => {
        const q = String(args[0] ?? '')
          .toLowerCase()
          .trim();
        if (!q) return [];
        return deps.library
          .all()
          .filter((p) =>
            `${p.title}\n${p.abstract}\n${p.authors.join(', ')}`.toLowerCase().includes(q),
          )
          .slice(0, 50)
          .map(paperRef);
      },
      papers: () => deps.library.all().slice(0, 10_000).map(paperRef),
    },
  };
  return {
    'notebooks:list': async () => {
      const { notebooks } = await store.all();
      return notebooks
        .map(summaryOf)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },
    'notebooks:get': async ({ id }) => withStatus(await store.read(id)),
    'notebooks:create': async ({ title, cells }) => {
      const list = cells ?? [];
      check(list);
      const now = new Date().toISOString();
      return withStatus(
        await store.create({
          id: newId(),
          title,
          createdAt: now,
          updatedAt: now,
          revision: 0,
          cells: list,
        }),
      );
    },
    'notebooks:save': async ({ notebook, baseRevision }) => {
      check(notebook.cells);
      return withStatus(await store.save(notebook, baseRevision));
    },
    'notebooks:rename': async ({ id, title }) =>
      summaryOf(await store.update(id, (nb) => ({ ...nb, title }))),
    'notebooks:duplicate': async ({ id, title }) => {
      const src = await store.read(id);
      const now = new Date().toISOString();
      const copy: Notebook = {
        ...src,
        id: newId(),
        title: title ?? `${src.title} (copy)`.slice(0, 300),
        createdAt: now,
        updatedAt: now,
        revision: 0,
      };
      return summaryOf(await store.create(copy));
    },
    'notebooks:delete': async ({ id }) => ({ deleted: 1, undoToken: await store.delete(id) }),
    'notebooks:undoDelete': async ({ undoToken }) => ({
      restored: summaryOf(await store.undoDelete(undoToken)),
    }),
    'notebooks:search': async ({ query, limit }) => {
      const q = query.toLowerCase();
      const hits: NotebookSearchHit[] = [];
      for (const nb of (await store.all()).notebooks) {
        const matches: NotebookSearchHit['matches'] = [];
        const at = nb.title.toLowerCase().indexOf(q);
        if (at >= 0) matches.push({ cellId: null, snippet: nb.title });
        for (const c of nb.cells) {
          const text = searchableText(c);
          const i = text.toLowerCase().indexOf(q);
          if (i >= 0) matches.push({ cellId: c.id, snippet: snippet(text, i, q.length) });
        }
        if (matches.length)
          hits.push({
            id: nb.id,
            title: nb.title,
            updatedAt: nb.updatedAt,
            matches: matches.slice(0, 20),
          });
      }
      // Title hits first, then by recency.
      hits.sort(
        (a, b) =>
          Number(b.matches[0]?.cellId === null) - Number(a.matches[0]?.cellId === null) ||
          (a.updatedAt < b.updatedAt ? 1 : -1),
      );
      return hits.slice(0, limit);
    },
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
      const base =
        nb.title
          .replace(/[^\w.-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 80) || nb.id;
      return { format, filename: `${base}.${format}`, content };
    },
    // Sandbox processes live only for one cell run; the fit worker is kept warm until closed.
    close: async () => fits.close(),
  };
}
