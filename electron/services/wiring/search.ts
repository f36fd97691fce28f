// Handlers of the search methods: a query builds a missing keyword index first, and marks the hits
// that fall inside the paper's highlights.
import type { Handlers } from '@shared/api/contract';
import { errorMessage } from '@shared/api/errors';
import { asSearch } from '../background';
import { fromLanceError } from '../library/lance-errors';
import { QUIET, type Core } from './core';

type SearchHandlers = Pick<Handlers, 'search:query' | 'search:similar'>;

export function searchHandlers({
  store,
  search,
  annotations,
  withWriteLock,
}: Core): SearchHandlers {
  return {
    'search:query': async (input) => {
      try {
        await store.catchUp();
        if (!(await store.hasFtsIndex()))
          await withWriteLock('building the search index', QUIET, () => store.ensureFtsIndex());
        const result = await asSearch(() => search.query(input));
        // A hit inside one of the paper's highlights (or matching its comment) says so. Search
        // still answers when the highlights cannot be read; the notice says why they are missing.
        try {
          const inside = await annotations.hitAnnotations(result.hits, input.query);
          result.hits.forEach((hit, i) => {
            if (inside[i]!.length > 0) hit.annotations = inside[i];
          });
        } catch (err) {
          const why = errorMessage(err);
          result.notice = result.notice ? `${result.notice} ${why}` : why;
        }
        return result;
      } catch (err) {
        throw fromLanceError(err, 'searching');
      }
    },
    'search:similar': (input) => asSearch(() => search.similar(input)),
  };
}
