// A long-lived host (the app, `quire serve`) loads what a first search needs once the library is open:
// the search model, LanceDB's vector and full-text indexes and the library terms (from their snapshot
// on disk). Without it the user's first query waited for all of that: 5-7 s at 200k papers, the main
// thread idle while LanceDB opened its indexes. It runs one hybrid query through the dispatcher, as
// any caller would, after a short pause so the first list page goes first; a failure (no model yet,
// an empty library) is left for the user's own query to report.
import type { Dispatch } from '@shared/api/dispatcher';

/** The pause before warming, so start-up's own calls (the first page of the library) go first. */
const AFTER_MS = 300;

export type Warm = { done: Promise<void>; cancel(): void };

export function warmSearch(dispatch: Dispatch, afterMs = AFTER_MS): Warm {
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  let pauseOver = () => {};
  const done = new Promise<void>((go) => {
    pauseOver = go;
    timer = setTimeout(go, afterMs);
  })
    .then(async () => {
      if (cancelled) return;
      await dispatch('search:query', { query: 'warm up', mode: 'hybrid', k: 1 }, {});
    })
    .catch(() => undefined);
  return {
    done,
    // Ends the pause at once (a closing host waits for `done`), and nothing is queried.
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      pauseOver();
    },
  };
}
