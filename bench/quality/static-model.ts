// Retrieval quality of the bundled static embedding model and of the variants we tried while
// choosing its build options (plain mean, +SIF, +PC removal, +domain terms, vocabulary sizes).
// Run: npx tsx bench/quality/static-model.ts  → JSON on stdout, progress on stderr.
// Sets: title→abstract over /work/shared/corpus/paper-feed.txt (each title's own abstract is the
// one relevant answer) and the graded dev queries in dev-queries.json. BM25 is printed as a
// reference point. Embeddings use the hand computation the test proves equal to the pipeline.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_OPTIONS,
  buildMatrix,
  loadWink,
  makeEmbedder,
  storedMatrix,
  tokenize,
  type BuildOptions,
} from '../../scripts/model/static-model.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(root, '../shared/corpus');
const feedFile = path.join(corpusDir, 'paper-feed.txt');
const devFile = path.join(corpusDir, 'dev-queries.json');

interface Paper {
  title: string;
  abstract: string;
}
interface Query {
  text: string;
  relevant: Map<number, number>; // paper index → grade (≥ 1)
}
interface Scores {
  mrr10: number;
  ndcg10: number;
  recall10: number;
}

/** Two chrome lines, the first title prefixed with "Subscribe", then title/abstract pairs. */
function parseFeed(text: string): Paper[] {
  const lines = text.split('\n').map((l) => l.trim());
  const body = lines.slice(2).filter((l, i, all) => l !== '' || i < all.length - 1);
  if (body[0]?.startsWith('Subscribe')) body[0] = body[0].slice('Subscribe'.length);
  const papers: Paper[] = [];
  for (let i = 0; i + 1 < body.length; i += 2)
    papers.push({ title: body[i] ?? '', abstract: body[i + 1] ?? '' });
  return papers;
}

function evaluate(queries: Query[], rank: (q: string) => number[]): Scores {
  let mrr = 0;
  let ndcg = 0;
  let recall = 0;
  for (const q of queries) {
    const top = rank(q.text).slice(0, 10);
    const first = top.findIndex((d) => q.relevant.has(d));
    if (first >= 0) mrr += 1 / (first + 1);
    let dcg = 0;
    top.forEach((d, i) => (dcg += (2 ** (q.relevant.get(d) ?? 0) - 1) / Math.log2(i + 2)));
    const ideal = [...q.relevant.values()].sort((a, b) => b - a).slice(0, 10);
    let idcg = 0;
    ideal.forEach((g, i) => (idcg += (2 ** g - 1) / Math.log2(i + 2)));
    ndcg += idcg > 0 ? dcg / idcg : 0;
    recall += top.filter((d) => q.relevant.has(d)).length / q.relevant.size;
  }
  const n = queries.length;
  const r = (x: number) => Math.round((x / n) * 1000) / 1000;
  return { mrr10: r(mrr), ndcg10: r(ndcg), recall10: r(recall) };
}

function denseRanker(docs: string[], embed: (t: string) => Float64Array) {
  const vecs = docs.map(embed);
  return (q: string) => {
    const v = embed(q);
    const scores = vecs.map((d) => d.reduce((s, x, i) => s + x * (v[i] ?? 0), 0));
    return scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  };
}

/** Plain BM25 (k1 1.2, b 0.75) over the same tokens, without stop-word removal: a reference. */
function bm25Ranker(docs: string[]) {
  const toks = docs.map((d) => tokenize(d).filter((t) => /\p{L}|\p{N}/u.test(t)));
  const avg = toks.reduce((s, t) => s + t.length, 0) / toks.length;
  const df = new Map<string, number>();
  for (const t of toks) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const tfs = toks.map((t) => {
    const m = new Map<string, number>();
    for (const w of t) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  });
  return (q: string) => {
    const terms = tokenize(q).filter((t) => /\p{L}|\p{N}/u.test(t));
    const scores = tfs.map((tf, i) => {
      let s = 0;
      for (const w of terms) {
        const f = tf.get(w) ?? 0;
        if (!f) continue;
        const n = df.get(w) ?? 0;
        const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
        s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * (toks[i]?.length ?? 0)) / avg));
      }
      return s;
    });
    return scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  };
}

function main(): void {
  if (!existsSync(feedFile) || !existsSync(devFile)) {
    console.log(JSON.stringify({ skipped: `no corpus at ${corpusDir} (../shared is absent)` }));
    return;
  }
  const papers = parseFeed(readFileSync(feedFile, 'utf8'));
  const dev = JSON.parse(readFileSync(devFile, 'utf8')) as {
    queries: { id: string; query: string; relevant: Record<string, number> }[];
  };
  const titleQueries: Query[] = papers.map((p, i) => ({
    text: p.title,
    relevant: new Map([[i, 1]]),
  }));
  const devQueries: Query[] = dev.queries.map((q) => ({
    text: q.query,
    relevant: new Map(Object.entries(q.relevant).map(([k, g]) => [Number(k), g])),
  }));
  const abstracts = papers.map((p) => p.abstract);
  console.error(`${papers.length} papers, ${devQueries.length} dev queries; loading vectors…`);

  const results: Record<string, unknown> = {};
  const bm25 = bm25Ranker(abstracts);
  results['bm25 (reference)'] = {
    titles: evaluate(titleQueries, bm25),
    dev: evaluate(devQueries, bm25),
  };

  const wink = loadWink(root);
  const plain: Partial<BuildOptions> = {
    sif: null,
    pcs: 0,
    domainTerms: false,
    zeroPunctuation: false,
    dtype: 'fp32',
  };
  const d = DEFAULT_OPTIONS;
  // Steps are cumulative, then one-at-a-time ablations and sweeps around the chosen default.
  const variants: [string, Partial<BuildOptions>][] = [
    ['plain mean, 100k', { ...plain, vocabSize: 100000 }],
    ['+ zero punctuation', { ...plain, zeroPunctuation: true }],
    ['+ SIF a=1e-3', { ...plain, zeroPunctuation: true, sif: 1e-3 }],
    ['+ 1 PC removed', { ...plain, zeroPunctuation: true, sif: 1e-3, pcs: 1 }],
    ['+ 2 PCs removed', { ...plain, zeroPunctuation: true, sif: 1e-3, pcs: 2 }],
    ['+ SIF a=1e-4', { ...plain, zeroPunctuation: true, sif: 1e-4, pcs: 2 }],
    ['+ domain terms (= default, fp32)', { ...d, dtype: 'fp32' }],
    ['default, stored fp16', { ...d, dtype: 'fp16' }],
    ['default, stored int8 (shipped)', { ...d }],
    ['default, 1 PC', { ...d, pcs: 1 }],
    ['default, 3 PCs', { ...d, pcs: 3 }],
    ['default, SIF a=3e-5', { ...d, sif: 3e-5 }],
    ['default, SIF a=3e-4', { ...d, sif: 3e-4 }],
    ['default, SIF a=1e-3', { ...d, sif: 1e-3 }],
    ['default, no domain terms', { ...d, domainTerms: false }],
    ['default, vocab 30k', { ...d, vocabSize: 30000 }],
    ['default, vocab 50k', { ...d, vocabSize: 50000 }],
    ['default, vocab 200k', { ...d, vocabSize: 200000 }],
    ['default, vocab all 321k', { ...d, vocabSize: 1e9 }],
  ];
  const only = process.argv.slice(2);
  for (const [name, opts] of variants) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const t0 = performance.now();
    const o = { ...d, ...opts };
    const built = buildMatrix(wink, o);
    const embed = makeEmbedder(
      built.tokens,
      storedMatrix(built.matrix, o.dtype, built.dims),
      built.dims,
    );
    const rank = denseRanker(abstracts, embed);
    results[name] = {
      rows: built.tokens.length,
      titles: evaluate(titleQueries, rank),
      dev: evaluate(devQueries, rank),
    };
    console.error(
      `${name}: ${JSON.stringify(results[name])} (${Math.round(performance.now() - t0)} ms)`,
    );
  }
  console.log(JSON.stringify(results, null, 2));
}

main();
