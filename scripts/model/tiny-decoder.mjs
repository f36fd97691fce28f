// Builds a tiny causal language model (GPT-2 layout, 1 layer, hidden 8, a word-level vocabulary of a
// few hundred tokens, seeded random weights) in transformers.js layout, so the LLM tagger's
// transformers.js path runs through the real AutoModelForCausalLM on onnxruntime-node in tests —
// no generative weights can be downloaded on the build machines. It checks plumbing, not quality.
//
// The graph takes what transformers.js feeds a GPT-2 decoder — input_ids, attention_mask,
// position_ids, past_key_values.0.{key,value} (empty on the first pass) — and returns logits and
// present.0.{key,value}. The one "layer" is a masked running sum over the sequence (past + new),
// so it is causal and gives the same logits with or without the cache, and padding adds nothing:
//   x = wte[input_ids] + wpe[position_ids], masked;  v = heads(x);  k = heads(x·Wk)
//   present.value = concat(past.value, v);  h = tanh(cumsum(present.value)[last T]);  logits = h·W_lm
// Usage: node scripts/model/tiny-decoder.mjs OUT_DIR
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specialToken } from './model-folder.mjs';

// onnx-proto is CommonJS whose named exports Node's ESM loader cannot see; require() it instead.
const { onnx } = createRequire(import.meta.url)('onnx-proto');

export const EOS = '<|endoftext|>';
export const UNK = '<unk>';

/** Words of the tagger's yes/no prompt and of test papers, so most of a prompt is in-vocabulary. */
export const BASE_WORDS = [
  ...'. , : ; ? ! ( ) - … \' "'.split(' '),
  ...'paper question is this about answer yes no or a an the of on in for with and to by from we it its that as are be using based'.split(
    ' ',
  ),
  ...'graph graphs neural network networks learning deep reinforcement agent agents policy reward protein proteins folding structure molecule molecules molecular diffusion model models language transformer attention vision image images data training method methods study survey new show results task tasks node nodes'.split(
    ' ',
  ),
];

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const F = () => onnx.TensorProto.DataType.FLOAT;
const I64 = () => onnx.TensorProto.DataType.INT64;

function floatInit(name, dims, values) {
  const data = Float32Array.from(values);
  return {
    name,
    dataType: F(),
    dims,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

function intInit(name, values) {
  return { name, dataType: I64(), dims: [values.length], int64Data: values };
}

function valueInfo(name, elemType, dims) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

const node = (opType, input, output, attribute = []) => ({ opType, input, output, attribute });
const intAttr = (name, i) => ({ name, type: onnx.AttributeProto.AttributeType.INT, i });
const intsAttr = (name, ints) => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints });

/** The ONNX bytes of the decoder (IR 7, opset 13). */
export function decoderOnnx({ vocabSize, hidden, heads, positions, weights }) {
  const hd = hidden / heads;
  const graph = {
    name: 'tiny_decoder',
    node: [
      node('Gather', ['wte', 'input_ids'], ['tok'], [intAttr('axis', 0)]),
      node('Gather', ['wpe', 'position_ids'], ['pos'], [intAttr('axis', 0)]),
      node('Add', ['tok', 'pos'], ['x']),
      // T (new tokens) as a 1-D [-T], to take the last T columns of the mask and of the running sum.
      node('Shape', ['input_ids'], ['ids_shape']),
      node('Gather', ['ids_shape', 'one'], ['t'], [intAttr('axis', 0)]),
      node('Neg', ['t'], ['neg_t']),
      node('Slice', ['attention_mask', 'neg_t', 'int_max', 'one'], ['mask_new']),
      node('Cast', ['mask_new'], ['mask_f'], [intAttr('to', F())]),
      node('Unsqueeze', ['mask_f', 'two'], ['mask3']),
      node('Mul', ['x', 'mask3'], ['xm']),
      node('Reshape', ['xm', 'heads_shape'], ['v_split']),
      node('Transpose', ['v_split'], ['v_new'], [intsAttr('perm', [0, 2, 1, 3])]),
      node('MatMul', ['xm', 'wk'], ['k_flat']),
      node('Reshape', ['k_flat', 'heads_shape'], ['k_split']),
      node('Transpose', ['k_split'], ['k_new'], [intsAttr('perm', [0, 2, 1, 3])]),
      node('Concat', ['past_key_values.0.key', 'k_new'], ['present.0.key'], [intAttr('axis', 2)]),
      node(
        'Concat',
        ['past_key_values.0.value', 'v_new'],
        ['present.0.value'],
        [intAttr('axis', 2)],
      ),
      node('CumSum', ['present.0.value', 'two_scalar'], ['running']),
      node('Slice', ['running', 'neg_t', 'int_max', 'two'], ['running_new']),
      node('Transpose', ['running_new'], ['h_split'], [intsAttr('perm', [0, 2, 1, 3])]),
      node('Reshape', ['h_split', 'hidden_shape'], ['h']),
      node('Tanh', ['h'], ['h_act']),
      node('MatMul', ['h_act', 'lm_head'], ['logits']),
    ],
    initializer: [
      floatInit('wte', [vocabSize, hidden], weights.wte),
      floatInit('wpe', [positions, hidden], weights.wpe),
      floatInit('wk', [hidden, hidden], weights.wk),
      floatInit('lm_head', [hidden, vocabSize], weights.lmHead),
      intInit('one', [1]),
      intInit('two', [2]),
      { name: 'two_scalar', dataType: I64(), dims: [], int64Data: [2] },
      intInit('int_max', ['9223372036854775807']),
      intInit('heads_shape', [0, 0, heads, hd]),
      intInit('hidden_shape', [0, 0, hidden]),
    ],
    input: [
      valueInfo('input_ids', I64(), ['batch', 'sequence']),
      valueInfo('attention_mask', I64(), ['batch', 'total_sequence']),
      valueInfo('position_ids', I64(), ['batch', 'sequence']),
      valueInfo('past_key_values.0.key', F(), ['batch', heads, 'past_sequence', hd]),
      valueInfo('past_key_values.0.value', F(), ['batch', heads, 'past_sequence', hd]),
    ],
    output: [
      valueInfo('logits', F(), ['batch', 'sequence', vocabSize]),
      valueInfo('present.0.key', F(), ['batch', heads, 'total_sequence', hd]),
      valueInfo('present.0.value', F(), ['batch', heads, 'total_sequence', hd]),
    ],
  };
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'quire-tiny-decoder',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * Writes the model folder (config.json, generation_config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) and returns its vocabulary. Same options, same bytes.
 */
export async function writeTinyDecoder(dir, opts = {}) {
  const hidden = opts.hidden ?? 8;
  const heads = opts.heads ?? 2;
  const positions = opts.positions ?? 1024;
  const vocab = [EOS, UNK, ...new Set([...BASE_WORDS, ...(opts.words ?? [])])];
  for (let i = 0; vocab.length < (opts.vocabSize ?? 300); i++) vocab.push(`w${i}`);
  const random = rng(opts.seed ?? 7);
  const normal = (scale) => () => (random() * 2 - 1) * scale;
  const fill = (n, f) => Array.from({ length: n }, f);
  const weights = {
    wte: fill(vocab.length * hidden, normal(1)),
    wpe: fill(positions * hidden, normal(0.1)),
    wk: fill(hidden * hidden, normal(1)),
    lmHead: fill(hidden * vocab.length, normal(2)),
  };
  const bytes = decoderOnnx({ vocabSize: vocab.length, hidden, heads, positions, weights });

  const config = {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: vocab.length,
    n_embd: hidden,
    n_head: heads,
    n_layer: 1,
    n_positions: positions,
    n_ctx: positions,
    bos_token_id: 0,
    eos_token_id: 0,
    pad_token_id: 0,
    use_cache: true,
  };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [specialToken(0, EOS), specialToken(1, UNK)],
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: {
      type: 'WordLevel',
      vocab: Object.fromEntries(vocab.map((w, i) => [w, i])),
      unk_token: UNK,
    },
  };
  const tokenizerConfig = {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: EOS,
    eos_token: EOS,
    unk_token: UNK,
    pad_token: EOS,
    add_bos_token: false,
    model_max_length: positions,
  };
  const generationConfig = { bos_token_id: 0, eos_token_id: 0, pad_token_id: 0 };

  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (v) => JSON.stringify(v, null, 2) + '\n';
  await writeFile(join(dir, 'config.json'), json(config));
  await writeFile(join(dir, 'generation_config.json'), json(generationConfig));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), json(tokenizerConfig));
  await writeFile(join(dir, 'onnx', 'model.onnx'), bytes);
  return { dir, vocab, hidden, heads, positions, weights };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node scripts/model/tiny-decoder.mjs OUT_DIR\n');
    process.exit(2);
  }
  const m = await writeTinyDecoder(resolve(out));
  process.stdout.write(
    `Wrote a tiny GPT-2-layout decoder (${m.vocab.length} tokens, hidden ${m.hidden}) to ${m.dir}\n`,
  );
}
