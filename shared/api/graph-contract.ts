// Graph-experiment methods of the API contract (see contract.ts). Owned by the graph feature.
import type { z } from 'zod';
import type { Method } from './method';

export const graphMethods = {} satisfies Record<string, Method<z.ZodType, unknown>>;
