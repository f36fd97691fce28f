// Which papers a hybrid search reads whole before its answer is final, compared in one process on an
// open library: arms interleaved query by query on distinct synthetic queries, so the machine's
// drift (page cache reclaimed, other work) falls on every arm alike.
// - `hitsOnly` (what search does): one read, once soft matching has named the papers the answer can
//   show (search/hit-papers.ts);
// - `keywordTopToo`: also the keyword list's top k as it arrives, while soft matching scores;
// - `semanticTopToo`: also the semantic list's top k as it arrives, while full text still runs;
// - `bothTopsToo`: both (the design before, which read each list's top papers as it arrived);
// - `wholeRows`: as `hitsOnly`, every column of the rows read where search reads the abstracts alone
//   and takes the rest from the heads in memory (library/paper-rows.ts readByHeads).
// Search's own read waits for the extra reads, as the earlier design's final read did, and finds
// what they read kept (a paper in both lists' tops is read twice here, once in the earlier design).
// Run: node --expose-gc --import tsx bench/scale/read-ahead.ts <libraryDir>   — prints JSON.
import * as lancedb from '@lancedb/lancedb';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { PAPER_COLUMNS } from '../../electron/services/library/paper-rows';
import { PaperStore } from '../../electron/services/library/store';
import type { Ranked } from '../../electron/services/search/fusion';
import { SearchService } from '../../electron/services/search/search-service';
import { SoftScores } from '../../electron/services/search/soft-scores';
import { syntheticQueries } from '../support/synthetic';
import { pct, r1, settleAfterOpening } from '../support/timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: read-ahead.ts <libraryDir>');
const PER_ARM = Number(process.env.QUIRE_READ_AHEAD_QUERIES ?? 120);
const WARMUP = 30;
const K = 10;

const services = await createServices({ libraryDir: dir, mode: 'cli' });
const api = createClient(inProcessTransport(services.dispatch));
const info = await api.call('app:info', {});
await api.call('search:query', { query: 'graph neural message passing', mode: 'hybrid', k: K });
await settleAfterOpening(info.paperCount);

/** The extra reads of the current query: search's own read waits for them, as it did before. */
let extra: Promise<unknown>[] = [];
let readKeywordTop = false;
let readSemanticTop = false;
/** The open library's store, as its first read after opening finds it. */
const stores: PaperStore[] = [];
const read = PaperStore.prototype.read;
PaperStore.prototype.read = async function (this: PaperStore, ids: readonly string[]) {
  if (!stores.includes(this)) stores.push(this);
  await Promise.all(extra);
  return read.call(this, ids);
};
await api.call('search:query', { query: 'graph neural message passing', mode: 'hybrid', k: K });
const readTop = (list: Ranked[]) => {
  const r = read.call(
    stores[0]!,
    list.slice(0, K).map((x) => x.id),
  );
  r.catch(() => undefined);
  extra.push(r);
};
const fullText = PaperStore.prototype.fullTextSearch;
PaperStore.prototype.fullTextSearch = async function (this: PaperStore, ...args) {
  const out = await fullText.apply(this, args);
  if (readKeywordTop) readTop([...out].sort((a, b) => b.score - a.score));
  return out;
};
const early = SoftScores.prototype.early;
SoftScores.prototype.early = function (this: SoftScores, vec: Ranked[]) {
  if (readSemanticTop) readTop(vec);
  early.call(this, vec);
};
const query = SearchService.prototype.query;
SearchService.prototype.query = function (this: SearchService, ...args) {
  extra = [];
  return query.apply(this, args);
};

let wholeRows = false;
const select = lancedb.Query.prototype.select;
lancedb.Query.prototype.select = function (this: lancedb.Query, columns) {
  const abstractsAlone = Array.isArray(columns) && columns.join() === 'id,abstract';
  return select.call(this, wholeRows && abstractsAlone ? PAPER_COLUMNS : columns);
};

const ARMS: Record<string, [keyword: boolean, semantic: boolean, whole: boolean]> = {
  hitsOnly: [false, false, false],
  keywordTopToo: [true, false, false],
  semanticTopToo: [false, true, false],
  bothTopsToo: [true, true, false],
  wholeRows: [false, false, true],
};
const names = Object.keys(ARMS);
const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const queries = syntheticQueries(29, WARMUP + PER_ARM * names.length);
for (const [i, q] of queries.entries()) {
  const arm = names[(i + Math.floor(i / names.length)) % names.length]!;
  [readKeywordTop, readSemanticTop, wholeRows] = ARMS[arm]!;
  const t0 = performance.now();
  await api.call('search:query', { query: q, mode: 'hybrid', k: K });
  if (i >= WARMUP) ms[arm]!.push(performance.now() - t0);
}
const base = pct(ms.hitsOnly!, 50);
console.log(
  JSON.stringify({
    papers: info.paperCount,
    queriesPerArm: PER_ARM,
    hybrid: Object.fromEntries(
      names.map((n) => [
        n,
        {
          p50: r1(pct(ms[n]!, 50)),
          p95: r1(pct(ms[n]!, 95)),
          p50RatioToHitsOnly: Math.round((pct(ms[n]!, 50) / base) * 1000) / 1000,
        },
      ]),
    ),
  }),
);
await services.close();
process.exit(0);
