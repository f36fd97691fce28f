// Handlers of the import and export methods: an import writes under the lock, then embeds the new
// papers (a failure there is a warning, never a lost import); an export is a chunked job.
import type { Handlers } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import { IMPORTING } from '../embedding/embedding-service';
import { exportPapersJob } from '../export/job';
import { fromLanceError } from '../library/lance-errors';
import { readInOrder } from '../library/paper-head';
import type { Core } from './core';

type ImportExportHandlers = Pick<Handlers, 'import:preview' | 'import:run' | 'export:library'>;

export function importExportHandlers(core: Core): ImportExportHandlers {
  const { opts, store, ingest, library, embeddings, search, withWriteLock } = core;
  const runImport: ImportExportHandlers['import:run'] = async (input, ctx) => {
    const result = await withWriteLock(IMPORTING, ctx, async () => {
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
  };

  return {
    'import:preview': (input, ctx) =>
      store.catchUp().then(
        () => ingest.preview(input, ctx),
        (err: unknown) => Promise.reject(fromLanceError(err, 'reading the library')),
      ),
    'import:run': (input, ctx) => embeddings.importing(() => runImport(input, ctx)),
    'export:library': async ({ format, ids }, ctx) => {
      const papers = ids
        ? await Promise.all(ids.map((id) => library.get(id)))
        : await readInOrder(store, store.all());
      if (papers.length === 0)
        throw new QuireError('not_found', 'The library is empty: nothing to export.');
      return {
        format,
        count: papers.length,
        ...(await exportPapersJob(papers, format, ctx, opts.exportChunk)),
      };
    },
  };
}
