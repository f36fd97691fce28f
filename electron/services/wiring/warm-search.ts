// A long-lived host (the app, `quire serve`) loads what a first search needs once the library is open:
// the search model, LanceDB's vector and full-text indexes and the library terms (from their snapshot
// on disk). Without it the user's first query waited for all of that: 6 s at 248k papers, the main
// thread idle while LanceDB opened its indexes. It runs one hybrid query, after a short pause so the
// first list page goes first. Only reads: an empty library, or one whose full-text index is not built
// yet (the first search builds it, under the write lock), is left to the user's first query, and a
// failure (no model yet, say) is left for that query to report.
import { SearchInputSchema } from '@shared/api/schemas';
import { asSearch } from '../background';
import type { Core } from './core';

/** The pause before warming, so start-up's own calls (the first page of the library) go first. */
const AFTER_MS = 300;

export type Warm = { done: Promise<void>; cancel(): void };

/** One hybrid query, when the library has papers and its full-text index. */
export async function firstSearch({
  store,
  search,
}: Pick<Core, 'store' | 'search'>): Promise<void> {
  if (store.count === 0 || !(await store.hasFtsIndex())) return;
  const input = SearchInputSchema.parse({ query: 'warm up', mode: 'hybrid', k: 1 });
  await asSearch(() => search.query(input));
}

export function warmSearch(run: () => Promise<unknown>, afterMs = AFTER_MS): Warm {
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  let pauseOver = () => {};
  const done = new Promise<void>((go) => {
    pauseOver = go;
    timer = setTimeout(go, afterMs);
  })
    .then(async () => {
      if (!cancelled) await run();
    })
    .catch(() => undefined);
  return {
    done,
    // Ends the pause at once (a closing host waits for `done`), and nothing is run.
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      pauseOver();
    },
  };
}
