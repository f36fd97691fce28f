// Handlers of the model and embedding methods: installed and server models with the active one
// marked, downloads, switching the active model, the library's vectors.
import type { Handlers } from '@shared/api/contract';
import type { Core } from './core';

type ModelHandlers = Pick<
  Handlers,
  'models:list' | 'models:download' | 'models:use' | 'embeddings:status' | 'embeddings:update'
>;

export function modelHandlers({ models, serverModels, embeddings }: Core): ModelHandlers {
  return {
    'models:list': async () => {
      const active = embeddings.activeModel;
      return [...(await models.list()), ...serverModels.list(active)].map((m) => ({
        ...m,
        active: m.id === active,
      }));
    },
    'models:download': async ({ id, revision }, ctx) => ({
      ...(await models.download(id, revision, ctx)),
      active: id === embeddings.activeModel,
    }),
    'models:use': ({ id }, ctx) => embeddings.use(id, ctx),
    'embeddings:status': () => embeddings.status(),
    'embeddings:update': (_input, ctx) => embeddings.update(ctx),
  };
}
