// What LanceDB's full-text search costs by column in an open library: the query search runs (title,
// abstract and the folded forms, one MultiMatch with their boosts) against each column alone and
// title with abstract, interleaved query by query on distinct synthetic queries, measured alone
// (no other search running), top 100 as search asks.
// Run: npx tsx bench/scale/fts-columns.ts <libraryDir>   — prints JSON. Not part of `npm test`.
import '../../electron/services/lance-env';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { FTS_COLUMNS, ftsQuery } from '../../electron/services/library/full-text';
import { FOLD_COLUMN, PAPERS_TABLE } from '../../electron/services/library/schema';
import { syntheticQueries } from '../support/synthetic';
import { pct, r1 } from '../support/timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: fts-columns.ts <libraryDir>');
const PER_ARM = 60;
const WARMUP = 40;
const DEPTH = 100;

const db = await lancedb.connect(join(dir, 'lancedb'));
const table = await db.openTable(PAPERS_TABLE);
const papers = await table.countRows();
const match = (column: string) => (q: string) => new lancedb.MatchQuery(q, column);
const ARMS: Record<string, (q: string) => lancedb.FullTextQuery> = {
  [`search (${FTS_COLUMNS.join(', ')})`]: (q) => ftsQuery(q),
  abstract: match('abstract'),
  title: match('title'),
  [FOLD_COLUMN]: match(FOLD_COLUMN),
  titleAndAbstract: (q) =>
    new lancedb.MultiMatchQuery(q, ['title', 'abstract'], { boosts: [2, 1] }),
};
const names = Object.keys(ARMS);
const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (const [i, q] of syntheticQueries(31, WARMUP + PER_ARM * names.length).entries()) {
  const arm = names[(i + Math.floor(i / names.length)) % names.length]!;
  const t0 = performance.now();
  await table
    .query()
    .fullTextSearch(ARMS[arm]!(q))
    .select(['_score'])
    .withRowId()
    .limit(DEPTH)
    .toArray();
  if (i >= WARMUP) ms[arm]!.push(performance.now() - t0);
}
console.log(
  JSON.stringify({
    papers,
    queriesPerArm: PER_ARM,
    ms: Object.fromEntries(
      names.map((n) => [n, { p50: r1(pct(ms[n]!, 50)), p95: r1(pct(ms[n]!, 95)) }]),
    ),
  }),
);
process.exit(0);
