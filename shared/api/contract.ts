// The one API contract: every `feature:verb` method with its input schema and result type.
// Three transports implement it (Electron IPC, HTTP + SSE, in-process); see ARCHITECTURE.md.
import type { z } from 'zod';
import { annotationMethods } from './annotations-contract';
import { appMethods } from './app-contract';
import { exportMethods } from './export-contract';
import { graphMethods } from './graph-contract';
import { importMethods } from './import-contract';
import { libraryMethods } from './library-contract';
import { mapMethods } from './map-contract';
import { embeddingMethods, modelMethods } from './models-contract';
import { notebookMethods } from './notebook-contract';
import { searchMethods } from './search-contract';
import { taggingMethods } from './tagging-contract';

/** Every feature's methods, each declared in shared/api/<feature>-contract.ts (order kept for listings). */
export const contract = {
  ...appMethods,
  ...libraryMethods,
  ...importMethods,
  ...exportMethods,
  ...modelMethods,
  ...embeddingMethods,
  ...searchMethods,
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
