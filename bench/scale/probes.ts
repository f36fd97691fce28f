// How many IVF partitions a search should probe in a large library, measured on the library's own
// vectors (the bundled model's, as bench/scale/index.ts writes them): for each setting, recall@10
// against an exact scan and the p50 / p95 of a top-100 search (SearchService's depth; a query
// searches twice, the second time from its feedback). Queries are the scale bench's synthetic ones,
// embedded by the bundled model; exact results are computed once per query.
// Run: npx tsx bench/scale/probes.ts <libraryDir> [probes,…]   — prints JSON.
import '../../electron/services/lance-env';
import { DEFAULT_MODEL } from '../../electron/services';
import { VectorStore, probesFor } from '../../electron/services/embedding/vector-store';
import { startBundledEmbedder } from '../support/embedder';
import { syntheticQueries } from '../support/synthetic';
import { stats } from '../support/timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: probes.ts <libraryDir> [probes,…]');
const settings = (process.argv[3] ?? '5,10,15,20,30').split(',').map(Number);
const DIMS = 100;
const K = 10;
const DEPTH = 100;
const QUERIES = 40;
const WARMUP = 5;

const embedder = await startBundledEmbedder();
const qvecs = await embedder.embed(syntheticQueries(11, QUERIES + WARMUP));
await embedder.close();
const vs = await VectorStore.open(dir, DEFAULT_MODEL, DIMS);
const exact: Set<string>[] = [];
for (const v of qvecs.slice(WARMUP))
  exact.push(new Set((await vs.search(v, K, { exact: true })).map((h) => h.id)));

const rows = [];
for (const nprobes of settings) {
  for (const v of qvecs.slice(0, WARMUP)) await vs.search(v, DEPTH, { nprobes });
  const ms: number[] = [];
  let found = 0;
  for (const [i, v] of qvecs.slice(WARMUP).entries()) {
    const t0 = performance.now();
    const hits = await vs.search(v, DEPTH, { nprobes });
    ms.push(performance.now() - t0);
    found += hits.slice(0, K).filter((h) => exact[i]!.has(h.id)).length;
  }
  rows.push({
    nprobes,
    recallAt10: Math.round((found / (QUERIES * K)) * 1000) / 1000,
    depth100Ms: stats(ms),
  });
}
console.log(
  JSON.stringify({
    dir,
    vectors: DEFAULT_MODEL,
    queries: QUERIES,
    default: probesFor(1_000_000),
    rows,
  }),
);
await vs.close();
