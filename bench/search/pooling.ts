// Semantic-only nDCG@10 of pooling variants of the bundled static model on the sample feed, computed
// offline from the model's own matrix (so no library has to be re-embedded per variant). "mean" is
// what the app does today: the model already bakes SIF weights (Zipf frequencies of the source
// vocabulary) and 2 common components into its rows (scripts/model/static-model.mjs), so the other
// variants ask whether the LIBRARY's own frequencies add anything on top. The semantic side's effect
// on hybrid search is measured with bench/search/quality.ts, not here.
// Run: npx tsx bench/search/pooling.ts   — prints JSON.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const MODELS = join(ROOT, 'resources', 'models');
const MODEL = 'quire-glove-100d';
const K = 10;

type Query = { query: string; relevant: Record<string, number>; split?: string; type?: string };
type Weight = (id: number) => number;
type Variant = (docs: number[][]) => { doc: (t: number[]) => Float64Array; query: Weight };

/** The model's whole matrix: one Gather over every token id. */
async function matrix(): Promise<{ m: Float32Array; dims: number }> {
  const config = JSON.parse(readFileSync(join(MODELS, MODEL, 'config.json'), 'utf8')) as {
    vocab_size: number;
    hidden_size: number;
  };
  const session = await ort.InferenceSession.create(join(MODELS, MODEL, 'onnx', 'model.onnx'));
  const ids = new BigInt64Array(config.vocab_size);
  for (let i = 0; i < ids.length; i++) ids[i] = BigInt(i);
  const out = await session.run({ input_ids: new ort.Tensor('int64', ids, [1, ids.length]) });
  return { m: out.last_hidden_state!.data as Float32Array, dims: config.hidden_size };
}

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

function ndcg(ranked: number[], relevant: Record<string, number>): number {
  const gain = (g: number) => 2 ** g - 1;
  let dcg = 0;
  ranked
    .slice(0, K)
    .forEach((id, i) => (dcg += gain(relevant[String(id)] ?? 0) / Math.log2(i + 2)));
  let ideal = 0;
  Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, K)
    .forEach((g, i) => (ideal += gain(g) / Math.log2(i + 2)));
  return ideal ? dcg / ideal : 0;
}

async function main(): Promise<void> {
  if (!existsSync(join(CORPUS, 'paper-feed.txt'))) {
    console.log(JSON.stringify({ skipped: '../shared/corpus not present (fresh clone)' }));
    return;
  }
  env.allowRemoteModels = false;
  env.localModelPath = `${MODELS}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL, { local_files_only: true });
  const toks = (t: string) => tokenizer.encode(t, { add_special_tokens: false }) as number[];
  const { m, dims } = await matrix();
  const vocab = m.length / dims;

  /** Weighted sum of token rows, L2-normalised: with weight 1 this is the app's mean pooling. */
  const pool = (t: number[], w: Weight) => {
    const v = new Float64Array(dims);
    for (const id of t) {
      const s = w(id);
      for (let d = 0; d < dims; d++) v[d]! += s * m[id * dims + d]!;
    }
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  };
  const df = (docs: number[][]) => {
    const out = new Float64Array(vocab);
    for (const d of docs) for (const t of new Set(d)) out[t]!++;
    return out;
  };
  const same = (w: (docs: number[][]) => Weight): Variant => {
    return (docs) => {
      const weight = w(docs);
      return { doc: (t) => pool(t, weight), query: weight };
    };
  };
  const variants: Record<string, Variant> = { mean: same(() => () => 1) };
  // Library SIF: a / (a + p_lib(w)), p_lib from document frequency (scaled: ~10 tokens per mention).
  for (const a of [1, 2, 5])
    variants[`librarySif-a${a}`] = same((docs) => {
      const f = df(docs);
      return (id) => a / (a + (f[id]! / docs.length) * 10);
    });
  for (const p of [0.5, 1])
    variants[`libraryIdf^${p}`] = same((docs) => {
      const f = df(docs);
      return (id) => Math.log((docs.length + 1) / (f[id]! + 0.5)) ** p;
    });

  const feed = readFeed();
  const full = feed.map((p) => toks(`${p.title}. ${p.abstract}`));
  const blind = feed.map((p, i) => toks(`Paper ${i}. ${p.abstract}`));
  const own = (
    JSON.parse(readFileSync(join(import.meta.dirname, 'paraphrase-queries.json'), 'utf8')) as {
      queries: Query[];
    }
  ).queries;
  const dev = (
    JSON.parse(readFileSync(join(CORPUS, 'dev-queries.json'), 'utf8')) as { queries: Query[] }
  ).queries;
  // Tune split only: the test split is for checking a chosen setting once, never for choosing.
  const tune = (type: string) =>
    own.filter((q) => (q.split ?? 'tune') === 'tune' && q.type === type);
  const sets: Record<string, { docs: number[][]; queries: Query[] }> = {
    dev13: { docs: full, queries: dev },
    'tune:keyword': { docs: full, queries: tune('keyword') },
    'tune:paraphrase': { docs: full, queries: tune('paraphrase') },
    titleToAbstract: {
      docs: blind,
      queries: feed.map((p, i) => ({ query: p.title, relevant: { [String(i)]: 1 } })),
    },
  };

  const result: Record<string, Record<string, number>> = {};
  for (const [name, variant] of Object.entries(variants)) {
    result[name] = {};
    for (const [set, { docs, queries }] of Object.entries(sets)) {
      const v = variant(docs);
      const vecs = docs.map(v.doc);
      let sum = 0;
      for (const q of queries) {
        const qv = pool(toks(q.query), v.query);
        const ranked = vecs
          .map((x, i) => [x.reduce((s, y, d) => s + y * qv[d]!, 0), i] as const)
          .sort((a, b) => b[0] - a[0] || a[1] - b[1])
          .map(([, i]) => i);
        sum += ndcg(ranked, q.relevant);
      }
      result[name][set] = +(sum / queries.length).toFixed(4);
    }
  }
  console.log(JSON.stringify({ model: MODEL, k: K, metric: 'semantic-only nDCG@10', result }));
}

await main();
