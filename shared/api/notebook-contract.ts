// Notebook methods of the API contract (see contract.ts). Owned by the notebooks feature.
import type { z } from 'zod';
import type { Method } from './method';

export const notebookMethods = {} satisfies Record<string, Method<z.ZodType, unknown>>;
