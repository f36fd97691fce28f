// Model and embedding methods of the API contract (see contract.ts): installed models, downloads,
// the active model and the library's vectors. Services: electron/services/{models,embedding}/.
import { z } from 'zod';
import { method, type Method } from './method';
import { ModelIdSchema, urlSafeText, type EmbeddingStatus, type ModelInfo } from './schemas';

export const modelMethods = {
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
} satisfies Record<string, Method<z.ZodType, unknown>>;

export const embeddingMethods = {
  /** How much of the library the active model has embedded. */
  'embeddings:status': method<EmbeddingStatus>()(z.object({}).default({})),
  /** Embeds every paper that is new or changed since its vector was made. */
  'embeddings:update': method<EmbeddingStatus>()(z.object({}).default({}), { job: true }),
} satisfies Record<string, Method<z.ZodType, unknown>>;
