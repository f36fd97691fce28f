// Import methods of the API contract (see contract.ts): preview and run an import of a bibliography.
// Service: electron/services/ingest/; request and result types in schemas.ts.
import type { z } from 'zod';
import { method, type Method } from './method';
import { ImportRequestSchema, type ImportPreview, type ImportResult } from './schemas';

export const importMethods = {
  /** Parses a source and reports what an import would do, writing nothing. */
  'import:preview': method<ImportPreview>()(ImportRequestSchema, { job: true }),
  /** Imports a source: streams progress, cancellable, merges duplicates. */
  'import:run': method<ImportResult>()(ImportRequestSchema, { job: true }),
} satisfies Record<string, Method<z.ZodType, unknown>>;
