// Notebook document model: the in-memory types and zod schemas every side compiles against
// (service, CLI, renderer). The on-disk encoding (lines, key order) is in ./file-format.ts.
import { z } from 'zod';

/** Limits that keep a notebook loadable in one piece in a renderer. */
export const NOTEBOOK_LIMITS = {
  cells: 2_000,
  /** Characters of one cell's source (markdown, JavaScript). */
  sourceChars: 1_000_000,
  titleChars: 300,
  /** Serialized size of a whole notebook file. */
  fileBytes: 64 * 1024 * 1024,
  /** Outputs kept per cell, and characters of one text output. */
  outputsPerCell: 1_000,
  outputChars: 5_000_000,
} as const;

/** Cell ids and notebook ids: short, URL- and file-name-safe (also valid nbformat cell ids). */
export const NotebookIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and - only');

/** One thing a computed cell produced. Text is kept whole in memory; the file splits it into lines. */
export const CellOutputSchema = z.discriminatedUnion('kind', [
  /** A returned string (or a value shown as text). */
  z.object({ kind: z.literal('text'), text: z.string().max(NOTEBOOK_LIMITS.outputChars) }),
  /** A returned JSON-able value (numbers, objects, arrays that are not tables). */
  z.object({ kind: z.literal('json'), value: z.unknown() }),
  /** A returned array of records, shown as a table; other cells read it with `table(name)`. */
  z.object({
    kind: z.literal('table'),
    columns: z.array(z.string().max(200)).max(1_000),
    rows: z.array(z.array(z.unknown())).max(1_000_000),
  }),
  /** A line written with console.log/info/warn/error inside the cell. */
  z.object({
    kind: z.literal('console'),
    level: z.enum(['log', 'info', 'warn', 'error']),
    text: z.string().max(NOTEBOOK_LIMITS.outputChars),
  }),
  /** The cell failed: thrown error, time limit, memory guard. */
  z.object({
    kind: z.literal('error'),
    name: z.string().max(200),
    message: z.string().max(NOTEBOOK_LIMITS.outputChars),
  }),
  /** An image the cell made (e.g. a plot rendered by an exporter or a future plot runner). */
  z.object({ kind: z.literal('svg'), svg: z.string().max(NOTEBOOK_LIMITS.outputChars) }),
]);
export type CellOutput = z.infer<typeof CellOutputSchema>;

/**
 * A cell. `source` holds text content (markdown, JavaScript); `data` holds structured content
 * (paper, table, plot, fit). Which one a type uses is the registry's business (./registry.ts);
 * unknown types (a newer Quire's cell, an extension not loaded) are kept as they are.
 */
export const CellSchema = z.object({
  id: NotebookIdSchema,
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/, 'cell types are lower-case words'),
  /** Optional name other cells use to refer to this one (`table('results')`). */
  name: z.string().min(1).max(100).optional(),
  source: z.string().max(NOTEBOOK_LIMITS.sourceChars).optional(),
  data: z.unknown().optional(),
  outputs: z.array(CellOutputSchema).max(NOTEBOOK_LIMITS.outputsPerCell).default([]),
  /** Hash of the cell's inputs when it last ran (null: never ran). See ./staleness.ts. */
  inputsHash: z.string().max(100).nullable().default(null),
  /** ISO-8601 instant of the last run, or null. */
  ranAt: z.string().max(40).nullable().default(null),
});
export type Cell = z.infer<typeof CellSchema>;

export const NotebookSchema = z.object({
  id: NotebookIdSchema,
  title: z.string().max(NOTEBOOK_LIMITS.titleChars),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  /** Bumped by every save; `notebooks:save` takes the revision it started from (optimistic concurrency). */
  revision: z.number().int().min(0),
  cells: z.array(CellSchema).max(NOTEBOOK_LIMITS.cells),
});
export type Notebook = z.infer<typeof NotebookSchema>;

/** What a list shows without loading every cell into the UI. */
export type NotebookSummary = {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  cellCount: number;
};

/** A notebook as the list shows it (the service answers with it; the view updates rows with it). */
export function summaryOf(nb: Notebook): NotebookSummary {
  return {
    id: nb.id,
    title: nb.title,
    createdAt: nb.createdAt,
    updatedAt: nb.updatedAt,
    revision: nb.revision,
    cellCount: nb.cells.length,
  };
}

/** Where a cell's output stands: see ./staleness.ts. */
export type CellStatus = 'fresh' | 'stale' | 'never-run' | 'not-computable';

/** A random id: 12 characters from [A-Za-z0-9], ~71 bits; `crypto.getRandomValues` exists in Node and browsers. */
export function newId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** The cell a name or id points at (ids first, then names). */
export function findCell(nb: Pick<Notebook, 'cells'>, idOrName: string): Cell | undefined {
  return nb.cells.find((c) => c.id === idOrName) ?? nb.cells.find((c) => c.name === idOrName);
}
