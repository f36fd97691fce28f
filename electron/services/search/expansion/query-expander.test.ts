// The term table's embedding shares one worker with queries: it goes a slice at a time, so a query
// that arrives meanwhile waits for one slice, not for the whole vocabulary.
import { describe, expect, it } from 'vitest';
import { embedInSlices, TERM_SLICE } from './query-expander';

/** A worker that answers requests one at a time, in the order they came (as the embedder does). */
function fifoWorker() {
  let queue: Promise<unknown> = Promise.resolve();
  const answered: string[][] = [];
  const embed = (texts: string[]): Promise<Float32Array[]> => {
    const done = queue.then(async () => {
      await new Promise((go) => setTimeout(go, 1));
      answered.push(texts);
      return texts.map((_, i) => new Float32Array([i, 1]));
    });
    queue = done;
    return done;
  };
  return { embed, answered };
}

describe('embedInSlices', () => {
  it('lets a query embedding in after one slice of the term table', async () => {
    const worker = fifoWorker();
    const terms = Array.from({ length: TERM_SLICE * 4 + 3 }, (_, i) => `term${i}`);
    const table = embedInSlices(worker.embed, terms);
    const query = worker.embed(['the query']);
    const [vectors] = await Promise.all([table, query]);

    const before = worker.answered.findIndex((t) => t[0] === 'the query');
    const termsBefore = worker.answered.slice(0, before).reduce((n, t) => n + t.length, 0);
    expect(termsBefore).toBe(TERM_SLICE);
    // Every term gets its own vector, in order.
    expect(vectors).toHaveLength(terms.length);
    expect(vectors[TERM_SLICE + 1]).toEqual(new Float32Array([1, 1]));
  });

  it('sends nothing for no terms', async () => {
    const worker = fifoWorker();
    expect(await embedInSlices(worker.embed, [])).toEqual([]);
    expect(worker.answered).toEqual([]);
  });
});
