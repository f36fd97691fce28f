// Notebook methods of the API contract (see contract.ts). Owned by the notebooks feature.
// Documents, file format and cell types: shared/notebook/ (FORMAT.md, SANDBOX.md).
import { z } from 'zod';
import { NOTEBOOK_EXPORT_FORMATS } from '../notebook/export/formats';
import {
  NOTEBOOK_LIMITS,
  NotebookIdSchema,
  NotebookSchema,
  type CellStatus,
  type Notebook,
  type NotebookSummary,
} from '../notebook/model';
import { method, type Method } from './method';

/** A notebook with the status of each cell's output (fresh, stale, never-run, not-computable). */
export type NotebookWithStatus = { notebook: Notebook; status: Record<string, CellStatus> };

/** One search hit: the notebook and where the words occur (cellId null = the title). */
export type NotebookSearchHit = {
  id: string;
  title: string;
  updatedAt: string;
  matches: { cellId: string | null; snippet: string }[];
};

/** What the UI needs to offer a cell type in its "add cell" menu. */
export type CellTypeInfo = {
  type: string;
  label: string;
  content: 'source' | 'data';
  computable: boolean;
  defaults: { source?: string; data?: unknown };
};

export type NotebookRunResult = NotebookWithStatus & {
  /** Cells that ran, in order; a stopped run lists those that finished. */
  ran: string[];
  stopped: boolean;
};

const Title = z.string().trim().min(1, 'a title is required').max(NOTEBOOK_LIMITS.titleChars);

export const notebookMethods = {
  /** Every notebook in the library folder, most recently changed first. */
  'notebooks:list': method<NotebookSummary[]>()(z.object({}).default({})),
  /** One notebook, with output staleness per cell. */
  'notebooks:get': method<NotebookWithStatus>()(z.object({ id: NotebookIdSchema })),
  /** A new notebook (empty unless cells are given). */
  'notebooks:create': method<NotebookWithStatus>()(
    z.object({
      title: Title.default('Untitled notebook'),
      cells: NotebookSchema.shape.cells.optional(),
    }),
  ),
  /**
   * Saves the whole notebook atomically. `baseRevision` is the revision the editor loaded; if the
   * file has moved on (another window saved), nothing is written and the call fails with
   * `invalid_input`, details `{ reason: 'conflict', revision }`. The answer carries the new revision.
   */
  'notebooks:save': method<NotebookWithStatus>()(
    z.object({ notebook: NotebookSchema, baseRevision: z.number().int().min(0) }),
  ),
  'notebooks:rename': method<NotebookSummary>()(z.object({ id: NotebookIdSchema, title: Title })),
  /** A copy with a new id (title "… (copy)" unless given); outputs are copied too. */
  'notebooks:duplicate': method<NotebookSummary>()(
    z.object({ id: NotebookIdSchema, title: Title.optional() }),
  ),
  /** Moves the notebook to the trash; the token undoes it (trash is emptied after 30 days). */
  'notebooks:delete': method<{ deleted: number; undoToken: string }>()(
    z.object({ id: NotebookIdSchema }),
  ),
  'notebooks:undoDelete': method<{ restored: NotebookSummary }>()(
    z.object({ undoToken: z.string().min(1).max(200) }),
  ),
  /** Case-insensitive substring search over titles and cell contents, with snippets. */
  'notebooks:search': method<NotebookSearchHit[]>()(
    z.object({
      query: z.string().trim().min(1).max(500),
      limit: z.number().int().min(1).max(500).default(50),
    }),
  ),
  /** The registered cell types (built-ins and extensions) with their defaults. */
  'notebooks:cellTypes': method<CellTypeInfo[]>()(z.object({}).default({})),
  /** Runs one computable cell off the UI thread and stores its outputs. Cancel = stop. */
  'notebooks:runCell': method<NotebookRunResult>()(
    z.object({ id: NotebookIdSchema, cellId: NotebookIdSchema }),
    { job: true },
  ),
  /** Runs every computable cell in order (by position); progress per cell; cancel = stop. */
  'notebooks:runAll': method<NotebookRunResult>()(
    z.object({ id: NotebookIdSchema, onlyStale: z.boolean().default(false) }),
    { job: true },
  ),
  /**
   * The notebook as Markdown, self-contained HTML or Jupyter .ipynb (nbformat 4.5). A job: progress
   * `cells` (exported / total), cancel ends it with `cancelled` and no content.
   */
  'notebooks:export': method<{
    format: (typeof NOTEBOOK_EXPORT_FORMATS)[number];
    filename: string;
    content: string;
  }>()(z.object({ id: NotebookIdSchema, format: z.enum(NOTEBOOK_EXPORT_FORMATS) }), { job: true }),
} satisfies Record<string, Method<z.ZodType, unknown>>;
