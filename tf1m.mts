// Text filter at 100k: the old scan vs the word index (same process, same papers).
import { PaperStore } from '/work/main/electron/services/library/store';
import { LibraryService } from '/work/main/electron/services/library/library-service';
import { matchesFilters, words } from '/work/main/electron/services/library/filter';
const store = await PaperStore.open(process.argv[2]!);
const lib = new LibraryService(store);
const p50 = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const out: Record<string, unknown> = { papers: store.count };
const t0 = performance.now();
await lib.list({ sort: 'addedAt', dir: 'desc', offset: 0, limit: 100 } as never);
while (!store.withWords(['x'])) await new Promise((r) => setTimeout(r, 50));
out.indexBuiltInBackgroundMs = Math.round(performance.now() - t0);
for (const text of ['graph spectral', 'graph', 'network', 'xyzzy', 'spec']) {
  const scanMs: number[] = [], indexMs: number[] = [];
  let t = performance.now();
  const first = await lib.list({ text, sort: 'addedAt', dir: 'desc', offset: 0, limit: 100 } as never);
  const firstMs = performance.now() - t;
  for (let i = 0; i < 9; i++) {
    t = performance.now();
    const tw = words(text);
    store.all().filter((p) => matchesFilters(p, { text }, tw));
    scanMs.push(performance.now() - t);
    t = performance.now();
    await lib.list({ text, sort: 'addedAt', dir: 'desc', offset: 0, limit: 100 } as never);
    indexMs.push(performance.now() - t);
  }
  out[text] = { total: first.total, firstCallMs: Math.round(firstMs), scanP50: Math.round(p50(scanMs)), listP50: +p50(indexMs).toFixed(1) };
}
const mem = process.memoryUsage();
out.heapMB = Math.round(mem.heapUsed / 1e6);
console.log(JSON.stringify(out, null, 1));
await store.close();
process.exit(0);
