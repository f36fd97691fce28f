// What opening a large library costs, part by part, in one fresh process: the store (every paper's
// head and the row-id table, read from the papers table), the identity index (an import's duplicate
// check), the text filter's word index and search's library terms (each taken from its file on disk
// when there is one, else made from the papers' text). After each: the seconds since start, the heap,
// typed arrays' memory and RSS, after collecting garbage. Start it as the host starts
// (MALLOC_ARENA_MAX=1) to compare with bench/scale/open-library.ts.
// Run: MALLOC_ARENA_MAX=1 node --expose-gc --import tsx bench/scale/open-parts.ts <libraryDir>
// — prints JSON.
import '../../electron/services/lance-env';
import { PaperStore } from '../../electron/services/library/store';
import { LibraryTerms } from '../../electron/services/search/library-terms';
import { TermsFile } from '../../electron/services/search/terms-snapshot';

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-parts.ts <libraryDir>');

const t0 = performance.now();
const parts: Record<string, { s: number; heapMB: number; arrayBuffersMB: number; rssMB: number }> =
  {};
const mark = (part: string) => {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1e6);
  parts[part] = {
    s: Math.round((performance.now() - t0) / 100) / 10,
    heapMB: mb(m.heapUsed),
    arrayBuffersMB: mb(m.arrayBuffers),
    rssMB: mb(m.rss),
  };
};

mark('start');
const store = await PaperStore.open(dir);
mark('store');
store.withKey('doi:10.0/none');
mark('identityIndex');
// A filter in a large library waits for the index when it is taken from its file; ready() waits
// for a build from the text too.
await (store as unknown as { words: { ready(): Promise<void> } }).words.ready();
mark('wordIndex');
const terms = new LibraryTerms(store, undefined, TermsFile.in(dir));
await terms.sync();
mark('libraryTerms');
console.log(JSON.stringify({ papers: store.count, parts }));
await store.close();
process.exit(0);
