// Search quality on the sample feed: MRR@10, nDCG@10 and Recall@10 of keyword, semantic and hybrid
// search (several fusions) on ../shared/corpus/dev-queries.json and on title→abstract retrieval
// (each title a query, its own abstract the answer; titles are not indexed for that set).
// Run: npx tsx bench/search/quality.ts   — prints JSON.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Api } from '../../shared/api/client';
import { inProcessTransport } from '../../shared/api/in-process';
import { createServices } from '../../electron/services';
import {
  FUSION,
  fuse,
  type FusionMethod,
  type Ranked,
} from '../../electron/services/search/fusion';
import { summarise, type Judged } from '../support/metrics';

const CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const DEPTH = 100;

const FUSIONS: Record<string, FusionMethod> = {
  default: FUSION,
  'rrf-k60-w0.5': { kind: 'rrf', k: 60, ftsWeight: 0.5 },
  'rrf-k60-w0.8': { kind: 'rrf', k: 60, ftsWeight: 0.8 },
  'rrf-k5-w0.9': { kind: 'rrf', k: 5, ftsWeight: 0.9 },
  'convex-minmax-w0.7': {
    kind: 'convex',
    ftsWeight: 0.7,
    vectorNorm: 'minmax',
    anchorKeywordTop: false,
  },
  'convex-raw-w0.92': {
    kind: 'convex',
    ftsWeight: 0.92,
    vectorNorm: 'raw',
    anchorKeywordTop: false,
  },
  'anchored-raw-w0.88': {
    kind: 'convex',
    ftsWeight: 0.88,
    vectorNorm: 'raw',
    anchorKeywordTop: true,
  },
  'anchored-raw-w0.90': {
    kind: 'convex',
    ftsWeight: 0.9,
    vectorNorm: 'raw',
    anchorKeywordTop: true,
  },
};

/** The feed's papers in file order (the format the dev queries' ids refer to). */
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

async function rankings(api: Api, query: string): Promise<{ fts: Ranked[]; vec: Ranked[] }> {
  const [f, v] = await Promise.all([
    api.call('search:query', { query, mode: 'fts', k: DEPTH }),
    api.call('search:query', { query, mode: 'vector', k: DEPTH }),
  ]);
  return {
    fts: f.hits.map((h) => ({ id: h.paper.id, score: h.score })),
    vec: v.hits.map((h) => ({ id: h.paper.id, score: h.score })),
  };
}

async function evaluate(api: Api, queries: { query: string; relevant: Map<string, number> }[]) {
  const runs = await Promise.all(
    queries.map(async (q) => ({ q, r: await rankings(api, q.query) })),
  );
  // For offline analysis of fusions: one JSON line per query with both raw rankings.
  const dump = process.env.QUIRE_DUMP_RUNS;
  if (dump)
    for (const { q, r } of runs)
      appendFileSync(
        dump,
        JSON.stringify({ query: q.query, relevant: [...q.relevant], ...r }) + '\n',
      );
  const judged = (rank: (r: { fts: Ranked[]; vec: Ranked[] }) => Ranked[]): Judged[] =>
    runs.map(({ q, r }) => ({ ranked: rank(r).map((x) => x.id), relevant: q.relevant }));
  const out: Record<string, ReturnType<typeof summarise>> = {
    fts: summarise(judged((r) => r.fts)),
    vector: summarise(judged((r) => r.vec)),
  };
  for (const [name, method] of Object.entries(FUSIONS))
    out[`hybrid:${name}`] = summarise(judged((r) => fuse(r.fts, r.vec, method)));
  return out;
}

async function library(papers: { title: string; abstract: string }[]) {
  const dir = await mkdtemp(join(tmpdir(), 'quire-quality-'));
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
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

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'paper-feed.txt'))) {
    console.log(JSON.stringify({ skipped: '../shared/corpus not present (fresh clone)' }));
    return;
  }
  const feed = readFeed();
  const dev = JSON.parse(readFileSync(join(CORPUS, 'dev-queries.json'), 'utf8')) as {
    queries: { id: string; query: string; relevant: Record<string, number> }[];
  };

  const full = await library(feed);
  const devResult = await evaluate(
    full.api,
    dev.queries.map((q) => ({
      query: q.query,
      relevant: new Map(Object.entries(q.relevant).map(([i, g]) => [full.ids[Number(i)]!, g])),
    })),
  );
  const { model } = await full.api.call('embeddings:status', {});
  await full.close();

  // Title → abstract: titles replaced by placeholders so only the abstract can match.
  const blind = await library(feed.map((p, i) => ({ title: `Paper ${i}`, abstract: p.abstract })));
  const titleResult = await evaluate(
    blind.api,
    feed.map((p, i) => ({ query: p.title, relevant: new Map([[blind.ids[i]!, 1]]) })),
  );
  await blind.close();

  console.log(
    JSON.stringify({ model, k: 10, devQueries: devResult, titleToAbstract: titleResult }, null, 2),
  );
}

await main();
// LanceDB native handles can outlive close() in a long run; a benchmark ends when it has printed.
process.exit(0);
