// Search methods of the API contract (see contract.ts): queries and "more like this".
// Service: electron/services/search/; input and result types in schemas.ts.
import { z } from 'zod';
import { method, type Method } from './method';
import { SearchFiltersSchema, SearchInputSchema, type SearchResult } from './schemas';

const Id = z.string().min(1).max(200);

export const searchMethods = {
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
} satisfies Record<string, Method<z.ZodType, unknown>>;
