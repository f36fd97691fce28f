// Background work over the whole library (the text filter's word index, search's library terms) runs
// on the main thread in slices of ~10 ms. Between slices it gave way for one turn of the event loop
// only, so a search (dozens of LanceDB calls, each answered on a later turn) waited a slice at every
// step: at 248k papers a first hybrid search right after the first list page took 33 s while the word
// index was being built, against ~8 s without it. Now a slice waits while a search is under way (at
// most MAX_PAUSE_MS, so the work still moves), unless the work is what a caller is waiting for.

/** The longest a slice waits for searches under way to end. */
const MAX_PAUSE_MS = 100;

let searching = 0;
const paused = new Set<() => void>();

/** Runs a search: background slices wait for it meanwhile. */
export async function asSearch<T>(run: () => Promise<T>): Promise<T> {
  searching++;
  try {
    return await run();
  } finally {
    if (--searching === 0) resumeSlices();
  }
}

/** How many slices are paused for searches now. */
export function pausedSlices(): number {
  return paused.size;
}

/**
 * Lets paused slices go on at once: a caller has begun to wait for their work (a slice paused before
 * it did would otherwise sit out its pause).
 */
export function resumeSlices(): void {
  for (const go of [...paused]) go();
}

/**
 * The pause between two slices of background work: one turn of the event loop when no search is
 * under way or when `awaited` (a caller waits for this work), else until the searches end.
 */
export function nextSlice(awaited = false): Promise<void> {
  if (awaited || searching === 0) return new Promise((go) => setImmediate(go));
  return new Promise((resolve) => {
    const go = () => {
      clearTimeout(timer);
      paused.delete(go);
      resolve();
    };
    const timer = setTimeout(go, MAX_PAUSE_MS);
    paused.add(go);
  });
}
