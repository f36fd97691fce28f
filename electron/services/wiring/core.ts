// The services of one library folder, built once and shared by the per-feature handler wiring
// (wiring/*.ts): the store and its write lock, then each feature's service in dependency order.
import { join } from 'node:path';
import type { CallContext } from '@shared/api/contract';
import { createAnnotationHandlers } from '../annotations';
import { EmbeddingService } from '../embedding/embedding-service';
import { IngestService } from '../ingest/ingest-service';
import { IMPORT_DIRS_ENV, importDirsFromEnv } from '../ingest/source-access';
import { LibraryService } from '../library/library-service';
import { fromLanceError, fromObjectStoreError } from '../library/lance-errors';
import { connectLance, libraryLocation } from '../library/location';
import { RemoteWriterLease } from '../library/remote-lease';
import { PaperStore } from '../library/store';
import { WriteLock } from '../library/write-lock';
import { createMapHandlers } from '../map';
import type { MapService } from '../map/map-service';
import { DEFAULT_HUB_URL } from '../models/hub-client';
import { ModelStore } from '../models/model-store';
import { ServerModels, isServerModelId } from '../models/server-models';
import { expansionOptions } from '../search/expansion/types';
import { SearchService } from '../search/search-service';
import { SettingsStore } from '../settings/settings-store';
import { LlmService } from '../tagging/llm/llm-service';
import { createTaggingService, type TaggingService } from '../tagging';
import { vectorSourceOf } from '../tagging/vectors';
import { DEFAULT_MODEL, type ServicesOptions } from './options';

/** Runs `fn` holding the library's write lock, after catching up with what others committed. */
export type WithWriteLock = <T>(
  operation: string,
  ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  fn: () => Promise<T>,
) => Promise<T>;

/** Quick edits wait for the lock like any writer, but nobody is watching a progress bar. */
export const QUIET: Pick<CallContext, 'signal' | 'onProgress'> = {
  signal: new AbortController().signal,
  onProgress: () => {},
};

export type Core = Awaited<ReturnType<typeof openCore>>;

export async function openCore(opts: ServicesOptions & { bundledModelsDir: string }) {
  const location = libraryLocation(opts.libraryDir, { localDir: opts.remoteFilesDir });
  // A remote library's personal files (settings, highlights, notebooks…) live on this machine.
  const libraryDir = location.localDir;
  const store = await PaperStore.open(location).catch((err: unknown) => {
    throw location.remote ? fromObjectStoreError(err, location.name, 'opening it') : err;
  });
  // One writer at a time across processes; each write first catches up with what others committed.
  // On an object store, also one machine at a time: the others are refused (remote-lease.ts).
  const lock = new WriteLock(libraryDir, { mode: opts.mode });
  const lease = location.remote
    ? new RemoteWriterLease(await connectLance(location), location.name, { mode: opts.mode })
    : null;
  const exclusive = <T>(
    operation: string,
    ctx: Parameters<WithWriteLock>[1],
    fn: () => Promise<T>,
  ) => lock.run(operation, ctx, () => (lease ? lease.run(operation, ctx, fn) : fn()));
  const withWriteLock: WithWriteLock = (operation, ctx, fn) =>
    exclusive(operation, ctx, async () => {
      await store.refresh();
      return fn();
    }).catch((err: unknown) => {
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
    papers: store,
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
    bundledRoot: opts.bundledModelsDir,
    downloadRoot: join(libraryDir, 'models'),
    hubUrl: opts.hubUrl ?? process.env.QUIRE_HUB_URL ?? DEFAULT_HUB_URL,
  });
  const llm = new LlmService(settings, { locateModel: (id) => models.locate(id) });
  const serverModels = new ServerModels({ settings: () => llm.get() });
  const embeddings = new EmbeddingService({
    library: location,
    papers: store,
    models: {
      locate: async (id) => (isServerModelId(id) ? serverModels.locate(id) : models.locate(id)),
    },
    settings,
    defaultModel: DEFAULT_MODEL,
    withWriteLock,
    writer: async () => (await lock.liveOwner())?.operation ?? null,
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
  const tagging = await createTaggingService({
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
  late.tagging = tagging;
  return {
    opts,
    location,
    libraryDir,
    store,
    withWriteLock,
    annotationFeature,
    annotations,
    library,
    ingest,
    models,
    llm,
    serverModels,
    embeddings,
    search,
    mapFeature,
    tagging,
  };
}
