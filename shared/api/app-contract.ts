// App methods of the API contract (see contract.ts): what the running app and its library are.
import { z } from 'zod';
import { method, type Method } from './method';
import type { LibraryInfo } from './schemas';

export const appMethods = {
  /** Where the library lives and what is in it. */
  'app:info': method<LibraryInfo>()(z.object({}).default({})),
} satisfies Record<string, Method<z.ZodType, unknown>>;
