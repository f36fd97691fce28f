// Composition root of the services: builds every service for one library folder and maps the
// contract's methods onto them. Plain Node (no `electron` import) so the Electron main process,
// browser mode, the CLI and tests all run the same code.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handlers } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatcher';
import { QuireError } from '../../shared/api/errors';
import { taggingMethods, type TaggingMethodName } from '../../shared/api/tagging-contract';
import { EmbeddingService } from './embedding/embedding-service';
import { exportPapers } from './export';
import { IngestService } from './ingest/ingest-service';
import { LibraryService } from './library/library-service';
import { PaperStore } from './library/store';
import { ModelStore } from './models/model-store';
import { createNotebookHandlers } from './notebooks';
import { createGraphHandlers } from '../../shared/graph/handlers';
import { libraryGraph } from './graph/library-graph';
import { createMapHandlers } from './map';
import { SearchService } from './search/search-service';
import { SettingsStore } from './settings/settings-store';

/** The model a fresh library uses: built from pre-trained word vectors by scripts/build-default-model.mjs. */
export const DEFAULT_MODEL = 'quire-glove-100d';
export const DEFAULT_HUB_URL = 'https://huggingface.co';

/** resources/models relative to these sources (dev, CLI, tests) and to out/main (electron-vite build). */
function defaultBundledModelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'models');
}

/** Integration seam while the tagging service is being built (replaced by electron/services/tagging). */
function notYetTagging(): Pick<Handlers, TaggingMethodName> {
  const no = async (): Promise<never> => {
    throw new QuireError('unavailable', 'Tagging is not available in this build yet.');
  };
  return Object.fromEntries(Object.keys(taggingMethods).map((m) => [m, no])) as unknown as Pick<
    Handlers,
    TaggingMethodName
  >;
}

export type ServicesOptions = {
  /** Library folder (created if missing). */
  libraryDir: string;
  mode: 'electron' | 'browser' | 'cli';
  appVersion?: string;
  /** Bundled models (packaged app: `process.resourcesPath/models`). */
  bundledModelsDir?: string;
  /** Model hub for downloads; `QUIRE_HUB_URL` overrides the default. */
  hubUrl?: string;
};

export type Services = {
  dispatch: Dispatch;
  handlers: Handlers;
  close(): Promise<void>;
};

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const libraryDir = resolve(opts.libraryDir);
  const store = await PaperStore.open(libraryDir);
  const library = new LibraryService(store);
  const ingest = new IngestService(store);
  const settings = await SettingsStore.open(libraryDir);
  const models = new ModelStore({
    bundledRoot: opts.bundledModelsDir ?? defaultBundledModelsDir(),
    downloadRoot: join(libraryDir, 'models'),
    hubUrl: opts.hubUrl ?? process.env.QUIRE_HUB_URL ?? DEFAULT_HUB_URL,
  });
  const embeddings = new EmbeddingService({
    libraryDir,
    papers: store,
    models: { locate: async (id) => models.locate(id) },
    settings,
    defaultModel: DEFAULT_MODEL,
  });
  const search = new SearchService(store, embeddings);
  const { close: closeNotebooks, ...notebookHandlers } = createNotebookHandlers({
    dir: join(libraryDir, 'notebooks'),
    library: { get: (id) => store.get(id), all: () => store.all() },
  });

  const handlers: Handlers = {
    'app:info': async () => ({
      location: libraryDir,
      paperCount: store.count,
      schemaVersion: store.schemaVersion,
      appVersion: opts.appVersion ?? '0.0.0',
      mode: opts.mode,
    }),
    'library:list': async (input) => library.list(input),
    'library:get': async ({ id }) => library.get(id),
    'library:update': (input) => library.update(input),
    'library:delete': ({ ids }) => library.delete(ids),
    'library:undoDelete': ({ undoToken }) => library.undoDelete(undoToken),
    'library:tags': async () => library.tags(),
    'import:preview': (input, ctx) => ingest.preview(input, ctx),
    'import:run': async (input, ctx) => {
      const result = await ingest.run(input, ctx);
      if (result.imported + result.mergedCount === 0) return result;
      await store.ensureFtsIndex();
      try {
        await embeddings.update(ctx);
      } catch (err) {
        // The papers are safely in; vectors can be made later (Settings → Models, or the next import).
        const why =
          err instanceof QuireError && err.code === 'cancelled'
            ? 'was cancelled'
            : `failed: ${(err as Error).message}`;
        result.warnings.push(
          `Embedding the new papers ${why}; they are found by keywords until it completes.`,
        );
      }
      return result;
    },
    'export:library': async ({ format, ids }) => {
      const papers = ids ? ids.map((id) => library.get(id)) : store.all();
      if (papers.length === 0)
        throw new QuireError('not_found', 'The library is empty: nothing to export.');
      return { format, count: papers.length, ...exportPapers(papers, format) };
    },
    'models:list': async () => {
      const active = embeddings.activeModel;
      return (await models.list()).map((m) => ({ ...m, active: m.id === active }));
    },
    'models:download': async ({ id, revision }, ctx) => ({
      ...(await models.download(id, revision, ctx)),
      active: id === embeddings.activeModel,
    }),
    'models:use': ({ id }, ctx) => embeddings.use(id, ctx),
    'embeddings:status': () => embeddings.status(),
    'embeddings:update': (_input, ctx) => embeddings.update(ctx),
    'search:query': async (input) => {
      await store.ensureFtsIndex();
      return search.query(input);
    },
    'search:similar': (input) => search.similar(input),
    ...notebookHandlers,
    ...notYetTagging(),
    ...createGraphHandlers(),
    'graph:library': (input) =>
      libraryGraph(
        { vectors: () => embeddings.allVectors(), title: (id) => store.get(id)?.title },
        input,
      ),
    ...createMapHandlers({ libraryDir, store, embeddings }),
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers),
    close: async () => {
      await closeNotebooks();
      await embeddings.close();
      await store.close();
    },
  };
}
