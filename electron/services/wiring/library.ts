// Handlers of the app and library methods: what the library is, its revision, list, edit, delete.
import type { Handlers } from '@shared/api/contract';
import { QUIET, type Core } from './core';

type LibraryHandlers = Pick<
  Handlers,
  | 'app:info'
  | 'library:revision'
  | 'library:list'
  | 'library:get'
  | 'library:update'
  | 'library:tagPapers'
  | 'library:delete'
  | 'library:undoDelete'
  | 'library:tags'
>;

export function libraryHandlers(core: Core): LibraryHandlers {
  const { opts, location, store, library, annotations, tagging, withWriteLock } = core;
  return {
    'app:info': async () => {
      await store.catchUp();
      return {
        location: location.name,
        ...(location.remote ? { personalFiles: location.localDir } : {}),
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
        if (before) await tagging.noteTyped([{ before, after }]);
        return after;
      }),
    'library:tagPapers': ({ ids, add, remove }) =>
      withWriteLock('tagging papers', QUIET, async () => {
        const change = add !== undefined ? { add } : { remove: remove! };
        const { changes, missing } = await library.tagPapers(ids, change);
        await tagging.noteTyped(changes);
        return { changed: changes.map((c) => c.after.id), missing };
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
  };
}
