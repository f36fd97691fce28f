// The one API contract: every `feature:verb` method with its input schema and result type.
// Three transports implement it (Electron IPC, HTTP + SSE, in-process); see ARCHITECTURE.md.
import { z } from 'zod';
import { annotationMethods } from './annotations-contract';
import { graphMethods } from './graph-contract';
import { mapMethods } from './map-contract';
import { method } from './method';
import { notebookMethods } from './notebook-contract';
import { taggingMethods } from './tagging-contract';
import {
  ExportFormatSchema,
  ImportRequestSchema,
  ModelIdSchema,
  SearchFiltersSchema,
  SearchInputSchema,
  type EmbeddingStatus,
  type ModelInfo,
  type SearchResult,
  ListInputSchema,
  TagSchema,
  type ExportResult,
  type ImportPreview,
  type ImportResult,
  type LibraryInfo,
  type ListResult,
  type Paper,
  type TagCount,
  urlSafeText,
  isWellFormed,
} from './schemas';

const Id = z.string().min(1).max(200);

export const contract = {
  /** Where the library lives and what is in it. */
  'app:info': method<LibraryInfo>()(z.object({}).default({})),
  /**
   * The papers table's revision, as the files on disk say now: it changes whenever anyone (this
   * process, the CLI, another window) commits a change. Views poll it to stay live.
   */
  'library:revision': method<{ revision: number }>()(z.object({}).default({})),

  /** A page of papers, filtered by text and tag, sorted. */
  'library:list': method<ListResult>()(ListInputSchema),
  'library:get': method<Paper>()(z.object({ id: Id })),
  /** Edits the user's own fields. Absent fields stay as they are. */
  'library:update': method<Paper>()(
    z.object({
      id: Id,
      notes: z
        .string()
        .max(1_000_000, 'notes are at most 1 MB')
        // A lone surrogate would come back from disk as U+FFFD: refuse it rather than change it silently.
        .refine(isWellFormed, 'notes are not valid Unicode (they have a lone surrogate)')
        .optional(),
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

  /**
   * The whole library (or the given papers) in a format other tools read. A job: progress `papers`
   * (written / total), cancel ends it with `cancelled` and no content.
   */
  'export:library': method<ExportResult>()(
    z.object({ format: ExportFormatSchema, ids: z.array(Id).optional() }),
    { job: true },
  ),

  /** Installed models (bundled and downloaded), with the active one marked. */
  'models:list': method<ModelInfo[]>()(z.object({}).default({})),
  /** Downloads a transformers.js model from the hub (only when asked): progress, resume, integrity check. */
  'models:download': method<ModelInfo>()(
    z.object({
      id: ModelIdSchema,
      revision: urlSafeText('revision', 100)
        .pipe(z.string().trim().min(1, 'revision cannot be empty'))
        .default('main'),
    }),
    {
      job: true,
    },
  ),
  /** Makes a model active and re-indexes with it; search uses the old vectors until the new ones are complete. */
  'models:use': method<EmbeddingStatus>()(z.object({ id: ModelIdSchema }), { job: true }),

  /** How much of the library the active model has embedded. */
  'embeddings:status': method<EmbeddingStatus>()(z.object({}).default({})),
  /** Embeds every paper that is new or changed since its vector was made. */
  'embeddings:update': method<EmbeddingStatus>()(z.object({}).default({}), { job: true }),

  /** Hybrid (default), semantic or keyword search with filters and highlights. */
  'search:query': method<SearchResult>()(SearchInputSchema),
  /** "More like this": papers nearest to a paper's own vector. */
  'search:similar': method<SearchResult>()(
    z.object({
      id: Id,
      k: z.number().int().min(1).max(200).default(20),
      filters: SearchFiltersSchema.default({}),
    }),
  ),

  ...notebookMethods,
  ...graphMethods,
  ...taggingMethods,
  ...mapMethods,
  ...annotationMethods,
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

/**
 * Who is calling: `local` is this process (CLI, tests, in-process transport); `remote` is anything
 * across a boundary (browser-mode HTTP, Electron IPC from the renderer). Remote callers may not name
 * files on this machine (see import sources in ARCHITECTURE.md).
 */
export type Caller = 'local' | 'remote';

/** What a service handler gets besides its input. */
export type CallContext = {
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
  /**
   * Set by the transport. Optional so handler tests can build a context by hand; a missing caller
   * counts as `remote` everywhere (fail closed), and the dispatcher always fills it in.
   */
  caller?: Caller;
};

/** The service side: one handler per method, given already-validated input. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>>;
};

/** Options a caller may pass with any call. */
export type CallOptions = {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Browser mode: let a small request outlive the page (saving notes while the tab closes). */
  keepalive?: boolean;
};
