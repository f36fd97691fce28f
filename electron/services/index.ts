// Composition root of the services: builds every service for one library folder and maps the
// contract's methods onto them. Plain Node (no `electron` import) so the Electron main process,
// browser mode, the CLI and tests all run the same code.
import { resolve } from 'node:path';
import type { Handlers, MethodName } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatcher';
import { QuireError } from '../../shared/api/errors';
import { exportPapers } from './export';
import { IngestService } from './ingest/ingest-service';
import { LibraryService } from './library/library-service';
import { PaperStore } from './library/store';

export type ServicesOptions = {
  /** Library folder (created if missing). */
  libraryDir: string;
  mode: 'electron' | 'browser' | 'cli';
  appVersion?: string;
};

export type Services = {
  dispatch: Dispatch;
  handlers: Handlers;
  close(): Promise<void>;
};

/** Methods whose service is still being built answer `unavailable` with a plain reason. */
function notYet<M extends MethodName>(methods: M[]): Pick<Handlers, M> {
  const reject = async () => {
    throw new QuireError(
      'unavailable',
      'Local embeddings and semantic search are not in this build yet.',
    );
  };
  return Object.fromEntries(methods.map((m) => [m, reject])) as unknown as Pick<Handlers, M>;
}

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const libraryDir = resolve(opts.libraryDir);
  const store = await PaperStore.open(libraryDir);
  const library = new LibraryService(store);
  const ingest = new IngestService(store);

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
    'import:run': (input, ctx) => ingest.run(input, ctx),
    'export:library': async ({ format, ids }) => {
      const papers = ids ? ids.map((id) => library.get(id)) : store.all();
      if (papers.length === 0)
        throw new QuireError('not_found', 'The library is empty: nothing to export.');
      return { format, count: papers.length, ...exportPapers(papers, format) };
    },
    ...notYet([
      'models:list',
      'models:download',
      'models:use',
      'embeddings:status',
      'embeddings:update',
      'search:query',
      'search:similar',
    ]),
  };

  return {
    handlers,
    dispatch: createDispatcher(handlers),
    close: () => store.close(),
  };
}
