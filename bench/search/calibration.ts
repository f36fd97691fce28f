// Search honesty on the sample feed: fits (QUIRE_CALIBRATION_FIT=1) and measures the relevance
// calibration of electron/services/search/calibration.ts and its "no close match" threshold.
// Sets: the 13 given dev queries (../shared/corpus/dev-queries.json), the tune and test splits of
// bench/search/paraphrase-queries.json, and queries written here with no answer in the feed
// (random letters; topics the feed does not cover). The fit uses dev + tune only.
// Run: npx tsx bench/search/calibration.ts   — prints JSON.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import type { Calibration } from '../../electron/services/search/calibration';
import { NO_CLOSE_MATCH, relevanceBand, type RelevanceBand } from '@shared/search/relevance';
import { SEARCH_MODES, type SearchMode } from '@shared/api/schemas';

const CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const OWN_QUERIES = join(import.meta.dirname, 'paraphrase-queries.json');
const K = 10;

/**
 * Nonsense: random letters (no hits at all), and filler or keyboard runs the model knows as words
 * (these do get weak hits, through the semantic side).
 */
export const NONSENSE = [
  'lorem ipsum dolor sit amet',
  'qwerty',
  'foo bar baz',
  'aaaa',
  'xqzv plorth wumbek',
  'asdf qwer zxcv',
  'kjhgf dsalk jhgfd',
  'blorpt snargle fizzwack',
  'zzzyx vvqq',
  'qwpoeiru tyalskdj',
];
/** Topics the sample feed (machine learning at scale) does not cover. */
export const OFF_TOPIC = [
  'medieval French poetry',
  'sourdough bread fermentation',
  'baroque opera singers',
  'tax law in ancient Rome',
  'knitting patterns for winter sweaters',
  'coral reef bleaching',
  'history of the Byzantine empire',
  'gardening tips for tomatoes',
];

type QueryFile = {
  queries: { split?: string; query: string; relevant: Record<string, number> }[];
};

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

type Hit = {
  score: number;
  vectorScore: number | null;
  ftsScore: number | null;
  anchored: boolean;
  relevance: number;
  grade: number;
};
type Run = { set: string; query: string; mode: SearchMode; hits: Hit[]; noCloseMatch: boolean };
const FEATURES: Record<SearchMode, (keyof Calibration)[]> = {
  hybrid: ['fused', 'cosine', 'bm25'],
  fts: ['bm25'],
  vector: ['cosine'],
};

function features(h: Hit, mode: SearchMode): number[] {
  const all: Record<keyof Calibration, number> = {
    bias: 1,
    fused: h.score,
    cosine: h.vectorScore ?? 0,
    bm25: Math.log1p(Math.max(0, h.ftsScore ?? 0)),
    // Not a feature of the joint fit: fitAnchored fits its weight on the anchored hits afterwards.
    anchored: 0,
  };
  return ['bias' as const, ...FEATURES[mode]].map((k) => all[k]);
}

/** Logistic regression by Newton's method (a tiny ridge keeps the Hessian invertible). */
function fitLogistic(x: number[][], y: number[]): number[] {
  const d = x[0]!.length;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    x.forEach((xi, i) => {
      const p = 1 / (1 + Math.exp(-xi.reduce((s, v, j) => s + v * w[j]!, 0)));
      for (let a = 0; a < d; a++) {
        g[a]! += (y[i]! - p) * xi[a]!;
        for (let b = 0; b < d; b++) h[a]![b]! += p * (1 - p) * xi[a]! * xi[b]!;
      }
    });
    for (let a = 0; a < d; a++) h[a]![a]! += 1e-6;
    const step = solve(h, g);
    w = w.map((v, j) => v + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (d ≤ 4). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => r[n]! / r[i]!);
}

/**
 * The anchored hits' own term, the other weights fixed: hybrid keeps BM25's top hit first for holding
 * the query's words, not for its fused score, so for it the fused score is left out and this term
 * stands in. Every other hit keeps the relevance it had. Maximum likelihood: the root of the score
 * Σ (relevant − p), which falls as the term grows, found by bisection (Newton overshoots here).
 */
function fitAnchored(hs: Hit[], c: Calibration): number {
  const offset = hs.map(
    (h) =>
      c.bias + c.cosine * (h.vectorScore ?? 0) + c.bm25 * Math.log1p(Math.max(0, h.ftsScore ?? 0)),
  );
  const score = (a: number) =>
    hs.reduce((s, h, i) => s + (h.grade > 0 ? 1 : 0) - 1 / (1 + Math.exp(-(offset[i]! + a))), 0);
  let [lo, hi] = [-20, 20];
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (score(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 1e4) / 1e4;
}

function fit(runs: Run[]): Record<SearchMode, Calibration> {
  const out = {} as Record<SearchMode, Calibration>;
  for (const mode of SEARCH_MODES) {
    const train = runs.filter((r) => r.mode === mode && (r.set === 'dev' || r.set === 'tune'));
    const hs = train.flatMap((r) => r.hits);
    const w = fitLogistic(
      hs.map((h) => features(h, mode)),
      hs.map((h) => (h.grade > 0 ? 1 : 0)),
    );
    const c: Calibration = { bias: 0, fused: 0, cosine: 0, bm25: 0, anchored: 0 };
    ['bias' as const, ...FEATURES[mode]].forEach((k, i) => (c[k] = Math.round(w[i]! * 1e4) / 1e4));
    if (mode === 'hybrid')
      c.anchored = fitAnchored(
        hs.filter((h) => h.anchored),
        c,
      );
    out[mode] = c;
  }
  return out;
}

/** Per set: how the best hit of each query (highest relevance) falls either side of the threshold. */
function measure(runs: Run[]) {
  const out: Record<string, unknown> = {};
  for (const set of ['dev', 'tune', 'test', 'nonsense', 'offTopic']) {
    const rs = runs.filter((r) => r.set === set);
    const best = rs.map((r) => {
      const b = [...r.hits].sort((x, y) => y.relevance - x.relevance)[0];
      return { query: r.query, relevance: b?.relevance ?? 0, grade: b?.grade ?? 0, r };
    });
    const side = (rel: boolean, above: boolean) =>
      best.filter((b) => b.grade > 0 === rel && b.relevance >= NO_CLOSE_MATCH === above).length;
    const hs = rs.flatMap((r) => r.hits);
    const anchored = hs.filter((h) => h.anchored);
    out[set] = {
      queries: rs.length,
      noCloseMatch: rs.filter((r) => r.noCloseMatch).length,
      bestHit: {
        relevantAbove: side(true, true),
        relevantBelow: side(true, false),
        irrelevantAbove: side(false, true),
        irrelevantBelow: side(false, false),
      },
      // Calibration check: mean estimated relevance against the share actually relevant.
      hits: hs.length,
      meanRelevance: round(hs.reduce((s, h) => s + h.relevance, 0) / (hs.length || 1)),
      shareRelevant: round(hs.filter((h) => h.grade > 0).length / (hs.length || 1)),
      // Hybrid keeps BM25's top hit first when it holds the query's words: how often it is relevant.
      anchored: {
        hits: anchored.length,
        shareRelevant: round(anchored.filter((h) => h.grade > 0).length / (anchored.length || 1)),
        meanRelevance: round(
          anchored.reduce((s, h) => s + h.relevance, 0) / (anchored.length || 1),
        ),
      },
      // Queries where a lower hit's relevance passes the first hit's by over 0.2: labels against the order.
      inversions: rs.filter((r) =>
        r.hits.some((h, i) => i > 0 && h.relevance > r.hits[0]!.relevance + 0.2),
      ).length,
      // What each word the Search view shows meant here: hits in the band, and the share relevant.
      bands: Object.fromEntries(
        (['strong', 'possible', 'weak'] as RelevanceBand[]).map((band) => {
          const inBand = hs.filter((h) => relevanceBand(h.relevance) === band);
          const rel = inBand.filter((h) => h.grade > 0).length;
          return [band, { hits: inBand.length, shareRelevant: round(rel / (inBand.length || 1)) }];
        }),
      ),
      ...(set === 'nonsense' || set === 'offTopic'
        ? {
            perQuery: best.map((b) => ({
              query: b.query,
              hits: b.r.hits.length,
              bestRelevance: b.relevance,
              noCloseMatch: b.r.noCloseMatch,
            })),
          }
        : {}),
    };
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function search(api: Api, query: string, mode: SearchMode, rel: Map<string, number>) {
  const r = await api.call('search:query', { query, mode, k: K });
  return {
    noCloseMatch: r.noCloseMatch ?? false,
    hits: r.hits.map((h) => ({
      score: h.score,
      vectorScore: h.vectorScore,
      ftsScore: h.ftsScore,
      anchored: h.anchored ?? false,
      relevance: h.relevance ?? 0,
      grade: rel.get(h.paper.id) ?? 0,
    })),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'paper-feed.txt'))) {
    console.log(JSON.stringify({ skipped: '../shared/corpus not present (fresh clone)' }));
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'quire-calibration-'));
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  const text = readFeed()
    .map((p) => JSON.stringify(p))
    .join('\n');
  await api.call('import:run', { source: { kind: 'text', name: 'feed.jsonl', text } });
  const { items } = await api.call('library:list', { sort: 'addedAt', limit: 1000 });
  const ids = items.map((p) => p.id);
  const dev = JSON.parse(readFileSync(join(CORPUS, 'dev-queries.json'), 'utf8')) as QueryFile;
  const own = JSON.parse(readFileSync(OWN_QUERIES, 'utf8')) as QueryFile;
  const judged: { set: string; query: string; relevant: Record<string, number> }[] = [
    ...dev.queries.map((q) => ({ set: 'dev', query: q.query, relevant: q.relevant })),
    ...own.queries.map((q) => ({ set: q.split ?? 'tune', query: q.query, relevant: q.relevant })),
    ...NONSENSE.map((query) => ({ set: 'nonsense', query, relevant: {} })),
    ...OFF_TOPIC.map((query) => ({ set: 'offTopic', query, relevant: {} })),
  ];
  const runs: Run[] = [];
  for (const mode of SEARCH_MODES)
    for (const q of judged) {
      const rel = new Map(Object.entries(q.relevant).map(([i, g]) => [ids[Number(i)]!, g]));
      runs.push({ set: q.set, query: q.query, mode, ...(await search(api, q.query, mode, rel)) });
    }
  const { model } = await api.call('embeddings:status', {});
  await services.close();
  await rm(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify(
      {
        k: K,
        threshold: NO_CLOSE_MATCH,
        model,
        ...(process.env.QUIRE_CALIBRATION_FIT === '1' ? { fitted: fit(runs) } : {}),
        modes: Object.fromEntries(
          SEARCH_MODES.map((m) => [m, measure(runs.filter((r) => r.mode === m))]),
        ),
      },
      null,
      2,
    ),
  );
}

await main();
// LanceDB native handles can outlive close() in a long run; a benchmark ends when it has printed.
process.exit(0);
