// Cell-type registry: everything the core knows about a kind of cell comes from its entry here
// (defaults, validation, what it reads, how it runs, how it exports), so new kinds (fit, graph…)
// plug in by registering one object, without touching the model, store, runner or exporters.
import type { z } from 'zod';
import type { FitData, FitOptions, FitResult } from '../fit/index';
import type { Cell, CellOutput, Notebook } from './model';
import type { TableData } from './tables';

/** The part of a library paper that exports and paper cells show. */
export type PaperRef = {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  venue: string;
  doi: string;
  arxivId: string;
  url: string;
};

/** A Jupyter nbformat 4 cell, as the .ipynb exporter writes it. */
export type IpynbCell = {
  id: string;
  cell_type: 'markdown' | 'code' | 'raw';
  metadata: Record<string, unknown>;
  source: string[];
  attachments?: Record<string, Record<string, string | string[]>>;
  outputs?: IpynbOutput[];
  execution_count?: number | null;
};
export type IpynbOutput =
  | {
      output_type: 'display_data';
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string[] }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

/** What an exporter may consult besides its cell. */
export type ExportContext = {
  notebook: Notebook;
  paper: (id: string) => PaperRef | undefined;
  /** Rows of a table cell, or of a cell's table output, by cell id or name. */
  table: (idOrName: string) => TableData | undefined;
  /** Papers cited so far, in order of first citation (exporters append to it). */
  citations: string[];
};

/** Per-format renderers of one cell. */
export type CellExporters = {
  /** Markdown (GFM) text, math kept as `$…$`. */
  markdown: (cell: Cell, ctx: ExportContext) => string;
  /** An HTML fragment: math rendered, plots inline SVG, no external URLs. */
  html: (cell: Cell, ctx: ExportContext) => string;
  /** Zero or more nbformat cells. */
  ipynb: (cell: Cell, ctx: ExportContext) => IpynbCell[];
};

/** What running a cell may use; the service supplies it (sandbox, library, fit engine). */
export type RunContext = {
  notebook: Notebook;
  signal: AbortSignal;
  /** Runs JavaScript in the sandbox (see ./sandbox) with the notebook's tables available. */
  runJavaScript: (source: string) => Promise<CellOutput[]>;
  /** Runs a fit away from the caller's thread (the service uses its compute worker). */
  fit: (model: string, data: FitData, options: Partial<FitOptions>) => Promise<FitResult>;
};

export type CellType = {
  /** Stored in the file as `type`; lower-case, never renamed once released. */
  type: string;
  label: string;
  /** Where the content lives: `source` (text) or `data` (structured). */
  content: 'source' | 'data';
  /** Content of a new cell. */
  defaults: () => { source?: string; data?: unknown };
  /** Checks `data` (content 'data'); errors name the field. */
  dataSchema?: z.ZodType;
  /** Ids of the cells whose content or outputs this cell reads (for staleness and run order). */
  inputsOf?: (cell: Cell, notebook: Notebook) => string[];
  /** Present for computable cells: produces the outputs stored with the cell. */
  run?: (cell: Cell, ctx: RunContext) => Promise<CellOutput[]>;
  exporters: CellExporters;
};

export type CellRegistry = {
  register: (type: CellType) => void;
  get: (type: string) => CellType | undefined;
  all: () => CellType[];
};

export function createRegistry(types: CellType[] = []): CellRegistry {
  const byType = new Map<string, CellType>();
  const registry: CellRegistry = {
    register(t) {
      if (byType.has(t.type))
        throw new Error(`notebook registry: cell type "${t.type}" is already registered`);
      byType.set(t.type, t);
    },
    get: (type) => byType.get(type),
    all: () => [...byType.values()],
  };
  for (const t of types) registry.register(t);
  return registry;
}

/** Checks one cell's content against its type; unknown types pass (kept as they are). */
export function validateCell(registry: CellRegistry, cell: Cell): string | null {
  const t = registry.get(cell.type);
  if (!t) return null;
  if (t.content === 'source' && typeof cell.source !== 'string')
    return `cell ${cell.id} (${cell.type}): source is missing`;
  if (t.content === 'data' && t.dataSchema) {
    const r = t.dataSchema.safeParse(cell.data);
    if (!r.success) {
      const i = r.error.issues[0];
      return `cell ${cell.id} (${cell.type}): ${i ? `${i.path.map(String).join('.') || 'data'}: ${i.message}` : 'invalid data'}`;
    }
  }
  return null;
}
