// Export methods of the API contract (see contract.ts): the library in formats other tools read.
// Service: electron/services/export/.
import { z } from 'zod';
import { method, type Method } from './method';
import { ExportFormatSchema, type ExportResult } from './schemas';

const Id = z.string().min(1).max(200);

export const exportMethods = {
  /**
   * The whole library (or the given papers) in a format other tools read. A job: progress `papers`
   * (written / total), cancel ends it with `cancelled` and no content.
   */
  'export:library': method<ExportResult>()(
    z.object({ format: ExportFormatSchema, ids: z.array(Id).optional() }),
    { job: true },
  ),
} satisfies Record<string, Method<z.ZodType, unknown>>;
