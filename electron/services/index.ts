// Composition root of the services: builds every service for one library folder (wiring/core.ts)
// and maps the contract's methods onto them, one wiring module per feature (wiring/*.ts). Plain
// Node (no `electron` import) so the Electron main process, browser mode, the CLI and tests all run
// the same code.
import './lance-env';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handlers } from '@shared/api/contract';
import { firstSearch, warmSearch } from './wiring/warm-search';
import { createDispatcher, type Dispatch } from '@shared/api/dispatcher';
import { lazyNotebookHandlers } from './notebooks/lazy';
import { openCore } from './wiring/core';
import { graphHandlers } from './wiring/graph';
import { importExportHandlers } from './wiring/import-export';
import { libraryHandlers } from './wiring/library';
import { modelHandlers } from './wiring/models';
import type { ServicesOptions } from './wiring/options';
import { searchHandlers } from './wiring/search';
import { taggingHandlers } from './wiring/tagging';

export { DEFAULT_MODEL, type ServicesOptions } from './wiring/options';

/**
 * resources/models relative to these sources (dev, CLI, tests) and to out/main (electron-vite
 * build): it stays in this file because both resolve from this module's own URL.
 */
function defaultBundledModelsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'models');
}

export type Services = {
  dispatch: Dispatch;
  handlers: Handlers;
  /** Resolves once the first search's needs are loaded (`warmSearch`), or at once without it. */
  warmed: Promise<void>;
  close(): Promise<void>;
};

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const core = await openCore({
    ...opts,
    bundledModelsDir: opts.bundledModelsDir ?? defaultBundledModelsDir(),
  });
  const { close: closeNotebooks, ...notebookHandlers } = lazyNotebookHandlers({
    dir: join(core.libraryDir, 'notebooks'),
    library: core.store,
    ...(opts.launchSandbox ? { launchSandbox: opts.launchSandbox } : {}),
  });

  const handlers: Handlers = {
    ...libraryHandlers(core),
    ...importExportHandlers(core),
    ...modelHandlers(core),
    ...searchHandlers(core),
    ...notebookHandlers,
    ...taggingHandlers(core),
    ...graphHandlers(core),
    ...core.mapFeature.handlers,
    ...core.annotationFeature.handlers,
  };

  const dispatch = createDispatcher(handlers);
  const warm = opts.warmSearch ? warmSearch(() => firstSearch(core)) : undefined;
  return {
    handlers,
    dispatch,
    warmed: warm?.done ?? Promise.resolve(),
    close: async () => {
      // A warming query under way finishes first; one not started yet never starts.
      warm?.cancel();
      await warm?.done;
      await closeNotebooks();
      await core.search.close();
      await core.tagging.close();
      await core.embeddings.close();
      await core.store.close();
    },
  };
}
