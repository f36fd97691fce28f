// Composition root of the services: builds every service for one library folder and maps the
// contract's methods onto them. Plain Node (no `electron` import) so the Electron main process,
// browser mode, the CLI and tests all run the same code.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallContext, Handlers } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatcher';
import { QuireError } from '../../shared/api/errors';
import { createAnnotationHandlers } from './annotations';
import { EmbeddingService } from './embedding/embedding-service';
import { exportPapersJob } from './export/job';
import { IngestService } from './ingest/ingest-service';
import { IMPORT_DIRS_ENV, importDirsFromEnv } from './ingest/source-access';
import { LibraryService } from './library/library-service';
import { fromLanceError } from './library/lance-errors';
import { PaperStore } from './library/store';
import { WriteLock } from './library/write-lock';
import { DEFAULT_HUB_URL } from './models/hub-client';
import { ModelStore } from './models/model-store';
import { ServerModels, isServerModelId } from './models/server-models';
import { lazyNotebookHandlers } from './notebooks/lazy';
import type { ChildLauncher } from './notebooks/sandbox/child-launcher';
import { createGraphHandlers } from './graph/handlers';
import { libraryGraph } from './graph/library-graph';
import { libraryGraphPlan } from '../../shared/graph/cost';
import { createGraphCompute, createLibraryGraphCompute, graphLimitsFromEnv } from './graph/compute';
import type { ComputeLimits } from './compute/runner';
import { createMapHandlers } from './map';
import type { MapService } from './map/map-service';
import { expansionOptions, type ExpansionOverrides } from './search/expansion/types';
import type { FusionMethod } from './search/fusion';
import { SearchService } from './search/search-service';
import { SettingsStore } from './settings/settings-store';
import { LlmService } from './tagging/llm/llm-service';
import { createTaggingService, type TaggingService } from './tagging';
import { vectorSourceOf } from './tagging/vectors';

/** The model a fresh library uses: built from pre-trained word vectors by scripts/build-default-model.mjs. */
export const DEFAULT_MODEL = 'quire-glove-100d';

/** resources/models relative to these sources (dev, CLI, tests) and to out/main (electron-vite build). */
function defaultBundledModelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'models');
}

/** Tagging calls that change papers' tags take the library's write lock like any other writer. */
function lockedTaggingWrites(
  h: TaggingService['handlers'],
  withWriteLock: <T>(
    operation: string,
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
    fn: () => Promise<T>,
  ) => Promise<T>,
): Partial<Handlers> {
  const writes = {
    'tags:rename': 'renaming a tag',
    'tags:merge': 'merging tags',
    'tags:remove': 'removing a tag',
    'tags:undoRemove': 'restoring a tag',
    'tagging:decide': 'saving tag decisions',
    'tagging:acceptAbove': 'accepting tag suggestions',
    'tagging:undo': 'undoing tag decisions',
  } as const;
  return Object.fromEntries(
    Object.entries(writes).map(([method, operation]) => {
      const handler = h[method as keyof typeof writes] as (
        input: unknown,
        ctx: CallContext,
      ) => Promise<unknown>;
      return [
        method,
        (input: unknown, ctx: CallContext) =>
          withWriteLock(operation, ctx, () => handler(input, ctx)),
      ];
    }),
  ) as Partial<Handlers>;
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
  /** Folders browser-mode/IPC callers may import from by path; default `QUIRE_IMPORT_DIRS`, else none. */
  importDirs?: string[];
  /** Limits of the graph compute worker (default: graphLimitsFromEnv()). */
  graphLimits?: ComputeLimits;
  /** How notebook sandbox processes start (the Electron app: a utility process); default fork. */
  launchSandbox?: ChildLauncher;
  /** Search fusion and query expansion other than the defaults (bench/search/quality.ts sweeps them). */
  search?: { fusion?: FusionMethod; expansion?: ExpansionOverrides };
  /** Papers per chunk of a library export (default EXPORT_CHUNK); tests make it small. */
  exportChunk?: number;
};

export type Services = {
  dispatch: Dispatch;
  handlers: Handlers;
  close(): Promise<void>;
};

/** Quick edits wait for the lock like any writer, but nobody is watching a progress bar. */
const QUIET: Pick<CallContext, 'signal' | 'onProgress'> = {
  signal: new AbortController().signal,
  onProgress: () => {},
};

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const libraryDir = resolve(opts.libraryDir);
  const store = await PaperStore.open(libraryDir);
  // One writer at a time across processes; each write first catches up with what others committed.
  const lock = new WriteLock(libraryDir, { mode: opts.mode });
  const withWriteLock = <T>(
    operation: string,
    ctx: Pick<CallContext, 'signal' | 'onProgress'>,
    fn: () => Promise<T>,
  ): Promise<T> =>
    lock
      .run(operation, ctx, async () => {
        await store.refresh();
        return fn();
      })
      .catch((err: unknown) => {
        throw fromLanceError(err, operation);
      });
  // The tagging service answers the `suggestedTag` filter; it is created once embeddings exist.
  const late: { tagging?: TaggingService } = {};
  const suggestedPapers = (tag: string) => late.tagging?.suggestedPapers(tag) ?? new Set<string>();
  // The map service answers the `cluster` filter (members of a cluster of the active model's map).
  const lateMap: { map?: MapService } = {};
  const clusterPapers = async (id: string): Promise<ReadonlySet<string>> =>
    (await lateMap.map?.clusterMembers(id)) ?? new Set<string>();
  // The annotations service answers the `annotationKind` filter (papers with a highlight of a kind).
  const annotationFeature = createAnnotationHandlers({
    libraryDir,
    papers: { get: (id) => store.get(id), all: () => store.all() },
    catchUp: async () => {
      await store.catchUp();
    },
    withWriteLock,
  });
  const annotations = annotationFeature.service;
  const annotatedPapers = (kind: string) => annotations.papersWithKind(kind);
  const library = new LibraryService(store, suggestedPapers, clusterPapers, annotatedPapers);
  const ingest = new IngestService(
    store,
    opts.importDirs ?? importDirsFromEnv(process.env[IMPORT_DIRS_ENV]),
  );
  const settings = await SettingsStore.open(libraryDir);
  const models = new ModelStore({
    bundledRoot: opts.bundledModelsDir ?? defaultBundledModelsDir(),
    downloadRoot: join(libraryDir, 'models'),
    hubUrl: opts.hubUrl ?? process.env.QUIRE_HUB_URL ?? DEFAULT_HUB_URL,
  });
  const llm = new LlmService(settings, { locateModel: (id) => models.locate(id) });
  const serverModels = new ServerModels({ settings: () => llm.get() });
  const embeddings = new EmbeddingService({
    libraryDir,
    papers: store,
    models: {
      locate: async (id) => (isServerModelId(id) ? serverModels.locate(id) : models.locate(id)),
    },
    settings,
    defaultModel: DEFAULT_MODEL,
    withWriteLock,
  });
  const search = new SearchService(
    store,
    embeddings,
    opts.search?.fusion,
    suggestedPapers,
    clusterPapers,
    expansionOptions(opts.search?.expansion),
    undefined,
    annotatedPapers,
  );
  const mapFeature = createMapHandlers({
    libraryDir,
    store,
    embeddings,
    generator: () => llm.generator(),
  });
  lateMap.map = mapFeature.service;
  const taggingService = await createTaggingService({
    libraryDir,
    papers: store,
    vectors: vectorSourceOf(embeddings),
    ensureEmbedded: async (ctx) => {
      const s = await embeddings.status();
      if (s.embedded < s.total) await embeddings.update(ctx);
    },
    llmTagger: () => llm.tagger(),
    highlights: () => annotations.quotesByPaper(),
  });
  late.tagging = taggingService;
  const { close: closeNotebooks, ...notebookHandlers } = lazyNotebookHandlers({
    dir: join(libraryDir, 'notebooks'),
    library: { get: (id) => store.get(id), all: () => store.all() },
    ...(opts.launchSandbox ? { launchSandbox: opts.launchSandbox } : {}),
  });

  const graphLimits = opts.graphLimits ?? graphLimitsFromEnv();
  const libraryCompute = createLibraryGraphCompute(graphLimits);

  const handlers: Handlers = {
    'app:info': async () => {
      await store.catchUp();
      return {
        location: libraryDir,
        paperCount: store.count,
        schemaVersion: store.schemaVersion,
        appVersion: opts.appVersion ?? '0.0.0',
        mode: opts.mode,
      };
    },
    'library:revision': async () => {
      await store.catchUp();
      // Papers and highlights (annotations.json, written by `quire annotations` too): both counters
      // only grow, so their sum moves whenever either does.
      return { revision: (await store.version()) + (await annotations.revision()) };
    },
    'library:list': async (input) => {
      await store.catchUp();
      return library.list(input);
    },
    'library:get': async ({ id }) => library.get(id),
    'library:update': (input) =>
      withWriteLock('saving a paper', QUIET, async () => {
        const before = store.get(input.id);
        const after = await library.update(input);
        // Tags typed by the user are recorded as typed, so provenance can tell them from suggestions.
        if (before) await taggingService.noteTyped(before, after);
        return after;
      }),
    // A deleted paper's highlights go to the trash under the delete's undo token and come back with it.
    'library:delete': ({ ids }) =>
      withWriteLock('deleting papers', QUIET, async () => {
        const result = await library.delete(ids);
        await annotations.papersDeleted(ids, result.undoToken);
        return result;
      }),
    'library:undoDelete': ({ undoToken }) =>
      withWriteLock('restoring deleted papers', QUIET, async () => {
        const result = await library.undoDelete(undoToken);
        await annotations.papersRestored(undoToken);
        return result;
      }),
    'library:tags': async () => library.tags(),
    'import:preview': (input, ctx) =>
      store.catchUp().then(
        () => ingest.preview(input, ctx),
        (err: unknown) => Promise.reject(fromLanceError(err, 'reading the library')),
      ),
    'import:run': async (input, ctx) => {
      const result = await withWriteLock('importing papers', ctx, async () => {
        const r = await ingest.run(input, ctx);
        // Also when nothing was new: an earlier import may have died before building the index.
        await store.ensureFtsIndex();
        return r;
      });
      // A cancelled import stops here; its papers get their vectors on the next import or open.
      if (ctx.signal.aborted) {
        if (result.imported + result.mergedCount > 0)
          result.warnings.push(
            'Embedding the papers was cancelled; papers without vectors are found by keywords until it completes.',
          );
        return result;
      }
      // Search counts the new papers' terms meanwhile (the embedder runs in a worker), so the first
      // query after the import already expands with them and never stalls on a rebuild.
      const terms = search.libraryChanged();
      // Always, even when nothing was new: papers left without vectors by an earlier import that
      // was killed or cancelled get them now.
      try {
        await embeddings.update(ctx);
      } catch (err) {
        // The papers are safely in; vectors can be made later (Settings → Models, or the next import).
        const why =
          err instanceof QuireError && err.code === 'cancelled'
            ? 'was cancelled'
            : `failed: ${(fromLanceError(err, 'embedding papers') as Error).message}`;
        result.warnings.push(
          `Embedding the papers ${why}; papers without vectors are found by keywords until it completes.`,
        );
      }
      await terms;
      return result;
    },
    'export:library': async ({ format, ids }, ctx) => {
      const papers = ids ? ids.map((id) => library.get(id)) : store.all();
      if (papers.length === 0)
        throw new QuireError('not_found', 'The library is empty: nothing to export.');
      return {
        format,
        count: papers.length,
        ...(await exportPapersJob(papers, format, ctx, opts.exportChunk)),
      };
    },
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
    'search:query': async (input) => {
      try {
        await store.catchUp();
        if (!(await store.hasFtsIndex()))
          await withWriteLock('building the search index', QUIET, () => store.ensureFtsIndex());
        const result = await search.query(input);
        // A hit inside one of the paper's highlights (or matching its comment) says so. Search
        // still answers when the highlights cannot be read; the notice says why they are missing.
        try {
          for (const hit of result.hits) {
            const inside = await annotations.hitAnnotations(hit.paper, hit.highlights, input.query);
            if (inside.length > 0) hit.annotations = inside;
          }
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          result.notice = result.notice ? `${result.notice} ${why}` : why;
        }
        return result;
      } catch (err) {
        throw fromLanceError(err, 'searching');
      }
    },
    'search:similar': (input) => search.similar(input),
    ...notebookHandlers,
    ...taggingService.handlers,
    ...lockedTaggingWrites(taggingService.handlers, withWriteLock),
    'llm:get': async () => llm.get(),
    'llm:set': (input) => llm.set(input),
    'llm:check': (_input, ctx) => llm.check(ctx.signal),
    ...createGraphHandlers({ compute: createGraphCompute(graphLimits) }),
    'graph:library': (input, ctx) =>
      libraryGraph(
        {
          vectors: () => embeddings.allVectors(),
          title: (id) => store.get(id)?.title,
          compute: (core, onProgress) => libraryCompute(core, { signal: ctx.signal, onProgress }),
        },
        input,
        ctx,
      ),
    'graph:libraryPlan': async (input) => libraryGraphPlan(await embeddings.status(), input),
    ...mapFeature.handlers,
    ...annotationFeature.handlers,
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers),
    close: async () => {
      await closeNotebooks();
      await taggingService.close();
      await embeddings.close();
      await store.close();
    },
  };
}
