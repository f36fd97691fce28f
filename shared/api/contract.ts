// The one API contract: every `feature:verb` method with its input schema and result type.
// Three transports implement it (Electron IPC, HTTP + SSE, in-process); see ARCHITECTURE.md.
import { z } from 'zod';
import {
  ExportFormatSchema,
  ImportRequestSchema,
  ListInputSchema,
  TagSchema,
  type ExportResult,
  type ImportPreview,
  type ImportResult,
  type LibraryInfo,
  type ListResult,
  type Paper,
  type TagCount,
} from './schemas';

/** A method: its input schema, its result type (phantom), and whether it is a long job. */
type Method<I extends z.ZodType, O> = { input: I; job: boolean; _output?: O };

function method<O>() {
  return <I extends z.ZodType>(input: I, opts: { job?: boolean } = {}): Method<I, O> => ({
    input,
    job: opts.job ?? false,
  });
}

const Id = z.string().min(1).max(200);

export const contract = {
  /** Where the library lives and what is in it. */
  'app:info': method<LibraryInfo>()(z.object({}).default({})),

  /** A page of papers, filtered by text and tag, sorted. */
  'library:list': method<ListResult>()(ListInputSchema),
  'library:get': method<Paper>()(z.object({ id: Id })),
  /** Edits the user's own fields. Absent fields stay as they are. */
  'library:update': method<Paper>()(
    z.object({
      id: Id,
      notes: z.string().max(1_000_000, 'notes are at most 1 MB').optional(),
      tags: z.array(TagSchema).max(500).optional(),
    }),
  ),
  /** Deletes papers; the answer carries a token that `library:undoDelete` takes. */
  'library:delete': method<{ deleted: number; undoToken: string }>()(
    z.object({ ids: z.array(Id).min(1).max(100_000) }),
  ),
  'library:undoDelete': method<{ restored: number }>()(z.object({ undoToken: z.string().min(1) })),
  'library:tags': method<TagCount[]>()(z.object({}).default({})),

  /** Parses a source and reports what an import would do, writing nothing. */
  'import:preview': method<ImportPreview>()(ImportRequestSchema, { job: true }),
  /** Imports a source: streams progress, cancellable, merges duplicates. */
  'import:run': method<ImportResult>()(ImportRequestSchema, { job: true }),

  /** The whole library (or the given papers) in a format other tools read. */
  'export:library': method<ExportResult>()(
    z.object({ format: ExportFormatSchema, ids: z.array(Id).optional() }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = NonNullable<Contract[M]['_output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Progress of a long job. `total` is null while unknown. */
export type Progress = { phase: string; done: number; total: number | null; message?: string };

/** What a service handler gets besides its input. */
export type CallContext = {
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
};

/** The service side: one handler per method, given already-validated input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>>;
};

/** Options a caller may pass with any call. */
export type CallOptions = { signal?: AbortSignal; onProgress?: (p: Progress) => void };
