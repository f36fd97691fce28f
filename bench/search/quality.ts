// Search quality on the sample feed: MRR@10, nDCG@10 and Recall@10 of keyword, semantic and hybrid
// search, as the app runs them (`search:query` through the in-process API), on
//   - ../shared/corpus/dev-queries.json (the 13 given development queries),
//   - bench/search/paraphrase-queries.json (issue 13's set: tune and test splits, each by type),
//   - title→abstract retrieval (each title a query, its own abstract the answer; titles not indexed).
// With QUIRE_QUALITY_SWEEP=1 it also scores fusion candidates offline on the raw keyword and semantic
// rankings (depth 100), so a fusion can be chosen on the tune split without rebuilding the library.
// QUIRE_SEARCH_OPTIONS='{"expansion":{…},"fusion":{…}}' measures settings other than the defaults.
// Run: npx tsx bench/search/quality.ts   — prints JSON.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { SearchMode } from '@shared/api/schemas';
import { createServices, type ServicesOptions } from '../../electron/services';
import { fuse, type FusionMethod, type Ranked } from '../../electron/services/search/fusion';
import { summarise, type Judged } from '../support/metrics';

const CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const OWN_QUERIES = join(import.meta.dirname, 'paraphrase-queries.json');
const K = 10;
/** Depth of the raw rankings the fusion sweep works on (the service fetches max(100, 5k)). */
const DEPTH = 100;
const MODES: Record<string, SearchMode> = { keyword: 'fts', semantic: 'vector', hybrid: 'hybrid' };

type Query = { query: string; relevant: Map<string, number> };
type QueryFile = {
  queries: {
    id: string;
    type: string;
    split?: string;
    query: string;
    relevant: Record<string, number>;
  }[];
};
type Scores = ReturnType<typeof summarise>;

/** Fusion candidates for the sweep (QUIRE_QUALITY_SWEEP=1); the chosen one is FUSION in fusion.ts. */
function sweepCandidates(): Record<string, FusionMethod> {
  const out: Record<string, FusionMethod> = {};
  for (const k of [1, 5, 10, 20, 60])
    for (const w of [0.5, 0.6, 0.7, 0.8, 0.9])
      out[`rrf-k${k}-w${w}`] = { kind: 'rrf', k, ftsWeight: w };
  for (const norm of ['raw', 'minmax'] as const)
    for (const anchor of [false, true])
      for (const w of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95])
        out[`convex-${norm}${anchor ? '-anchored' : ''}-w${w}`] = {
          kind: 'convex',
          ftsWeight: w,
          vectorNorm: norm,
          anchorKeywordTop: anchor,
        };
  return out;
}

/** The feed's papers in file order (the format the query files' ids refer to). */
function readFeed(): { title: string; abstract: string }[] {
  const lines = readFileSync(join(CORPUS, 'paper-feed.txt'), 'utf8')
    .split(/\r?\n/)
    .slice(2)
    .filter((l) => l.trim());
  const out: { title: string; abstract: string }[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2)
    out.push({ title: lines[i]!.replace(/^Subscribe/, ''), abstract: lines[i + 1]! });
  return out;
}

async function library(papers: { title: string; abstract: string }[]) {
  const dir = await mkdtemp(join(tmpdir(), 'quire-quality-'));
  const search = process.env.QUIRE_SEARCH_OPTIONS
    ? (JSON.parse(process.env.QUIRE_SEARCH_OPTIONS) as ServicesOptions['search'])
    : undefined;
  const services = await createServices({ libraryDir: dir, mode: 'cli', search });
  const api = createClient(inProcessTransport(services.dispatch));
  const text = papers.map((p) => JSON.stringify(p)).join('\n');
  const r = await api.call('import:run', { source: { kind: 'text', name: 'feed.jsonl', text } });
  if (r.warnings.length) throw new Error(r.warnings.join('; '));
  // Feed order = import order: ids by position.
  const { items } = await api.call('library:list', { sort: 'addedAt', limit: 1000 });
  return {
    api,
    ids: items.map((p) => p.id),
    close: async () => (await services.close(), await rm(dir, { recursive: true, force: true })),
  };
}

/** The three modes as the app answers them, plus raw depth-100 keyword/semantic lists for the sweep. */
async function run(api: Api, q: Query, sweep: boolean) {
  const ranked: Record<string, string[]> = {};
  for (const [name, mode] of Object.entries(MODES))
    ranked[name] = (await api.call('search:query', { query: q.query, mode, k: K })).hits.map(
      (h) => h.paper.id,
    );
  let raw: { fts: Ranked[]; vec: Ranked[] } | undefined;
  if (sweep) {
    const [f, v] = await Promise.all([
      api.call('search:query', { query: q.query, mode: 'fts', k: DEPTH }),
      api.call('search:query', { query: q.query, mode: 'vector', k: DEPTH }),
    ]);
    raw = {
      fts: f.hits.map((h) => ({ id: h.paper.id, score: h.score })),
      vec: v.hits.map((h) => ({ id: h.paper.id, score: h.score })),
    };
  }
  return { q, ranked, raw };
}

type Run = Awaited<ReturnType<typeof run>>;

function score(runs: Run[]): Record<string, Scores> {
  const out: Record<string, Scores> = {};
  for (const name of Object.keys(MODES))
    out[name] = summarise(
      runs.map((r) => ({ ranked: r.ranked[name]!, relevant: r.q.relevant })),
      K,
    );
  return out;
}

function sweep(runs: Run[]): Record<string, Scores> {
  const out: Record<string, Scores> = {};
  for (const [name, method] of Object.entries(sweepCandidates())) {
    const judged: Judged[] = runs.map((r) => ({
      ranked: fuse(r.raw!.fts, r.raw!.vec, method).map((x) => x.id),
      relevant: r.q.relevant,
    }));
    out[name] = summarise(judged, K);
  }
  return out;
}

function toQueries(file: QueryFile['queries'], ids: string[]): Query[] {
  return file.map((q) => ({
    query: q.query,
    relevant: new Map(Object.entries(q.relevant).map(([i, g]) => [ids[Number(i)]!, g])),
  }));
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'paper-feed.txt'))) {
    console.log(JSON.stringify({ skipped: '../shared/corpus not present (fresh clone)' }));
    return;
  }
  const doSweep = process.env.QUIRE_QUALITY_SWEEP === '1';
  const feed = readFeed();
  const dev = JSON.parse(readFileSync(join(CORPUS, 'dev-queries.json'), 'utf8')) as QueryFile;
  const own = JSON.parse(readFileSync(OWN_QUERIES, 'utf8')) as QueryFile;

  const full = await library(feed);
  const devRuns: Run[] = [];
  for (const q of toQueries(dev.queries, full.ids)) devRuns.push(await run(full.api, q, doSweep));
  const ownRuns: { split: string; type: string; run: Run }[] = [];
  const ownQueries = toQueries(own.queries, full.ids);
  for (const [i, q] of own.queries.entries())
    ownRuns.push({
      split: q.split ?? 'tune',
      type: q.type,
      run: await run(full.api, ownQueries[i]!, doSweep),
    });
  const { model } = await full.api.call('embeddings:status', {});
  const fullIds = full.ids;
  await full.close();

  // Title → abstract: titles replaced by placeholders so only the abstract can match.
  const blind = await library(feed.map((p, i) => ({ title: `Paper ${i}`, abstract: p.abstract })));
  const titleRuns: Run[] = [];
  for (const [i, p] of feed.entries())
    titleRuns.push(
      await run(blind.api, { query: p.title, relevant: new Map([[blind.ids[i]!, 1]]) }, doSweep),
    );
  const blindIds = blind.ids;
  await blind.close();

  const sets: Record<string, Run[]> = { dev13: devRuns };
  for (const split of ['tune', 'test']) {
    const inSplit = ownRuns.filter((r) => r.split === split);
    sets[`${split}`] = inSplit.map((r) => r.run);
    for (const type of ['keyword', 'paraphrase'])
      sets[`${split}:${type}`] = inSplit.filter((r) => r.type === type).map((r) => r.run);
  }
  sets.titleToAbstract = titleRuns;

  const dump = process.env.QUIRE_DUMP_RUNS;
  if (dump)
    appendFileSync(dump, JSON.stringify({ libraries: { full: fullIds, blind: blindIds } }) + '\n');
  if (dump)
    for (const [set, runs] of Object.entries(sets))
      for (const r of runs)
        appendFileSync(
          dump,
          JSON.stringify({ set, query: r.q.query, relevant: [...r.q.relevant], ...r.raw }) + '\n',
        );

  const result: Record<string, unknown> = {
    model,
    k: K,
    sets: Object.fromEntries(Object.entries(sets).map(([name, runs]) => [name, score(runs)])),
  };
  if (doSweep)
    result.fusionSweep = Object.fromEntries(
      Object.entries(sets).map(([name, runs]) => [name, sweep(runs)]),
    );
  console.log(JSON.stringify(result, null, 2));
}

await main();
// LanceDB native handles can outlive close() in a long run; a benchmark ends when it has printed.
process.exit(0);
