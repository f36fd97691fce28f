// Writes a tiny static-embedding model in transformers.js layout (config, WordLevel tokenizer,
// onnx/model.onnx = one Gather), so tests can run the real feature-extraction pipeline offline.
// See docs/environment.md "Static-embedding models through the real pipeline".
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as OnnxProto from 'onnx-proto';
import { mulberry32 } from '@shared/random';

// onnx-proto is CommonJS whose named exports Node's ESM loader cannot see; require() it instead.
const { onnx } = createRequire(import.meta.url)('onnx-proto') as typeof OnnxProto;

export type TinyModelOptions = {
  /** Vocabulary after the two special tokens ([PAD]=0, [UNK]=1). Lowercase words. */
  words?: string[];
  /** Embedding dimension. */
  dims?: number;
  /** Seed for the deterministic pseudo-random vectors. */
  seed?: number;
  /** Pads the vocabulary with generated words up to this size, to make the weights file bigger. */
  vocabSize?: number;
  /** Also (or instead) write onnx/model_quantized.onnx; the bytes are the same fp32 graph. */
  weights?: ('fp32' | 'quantized')[];
};

export type TinyModel = {
  dir: string;
  dims: number;
  /** Token id → word, including [PAD] and [UNK]. */
  vocab: string[];
  /** The row of the embedding matrix for a word ([UNK]'s zero row when unknown). */
  vectorOf(word: string): Float32Array;
};

export const DEFAULT_WORDS = [
  'neural',
  'network',
  'graph',
  'attention',
  'transformer',
  'language',
  'model',
  'protein',
  'folding',
  'vision',
  'image',
  'learning',
  'deep',
  'reinforcement',
  'policy',
  'gradient',
];

const rng = mulberry32;

/** The ONNX bytes: `last_hidden_state = Gather(embeddings[V,D], input_ids)`, IR 7 / opset 13. */
export function tinyOnnxModel(matrix: Float32Array, vocabSize: number, dims: number): Uint8Array {
  const { TensorProto } = onnx;
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'quire-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'static_embeddings',
      node: [
        {
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [
        {
          name: 'embeddings',
          dataType: TensorProto.DataType.FLOAT,
          dims: [vocabSize, dims],
          rawData: new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength),
        },
      ],
      input: [
        {
          name: 'input_ids',
          type: {
            tensorType: {
              elemType: TensorProto.DataType.INT64,
              shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
            },
          },
        },
      ],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: TensorProto.DataType.FLOAT,
              shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: dims }] },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Writes the model folder and returns what a test needs to check vectors by hand. */
export async function writeTinyModel(dir: string, opts: TinyModelOptions = {}): Promise<TinyModel> {
  const dims = opts.dims ?? 8;
  const words = [...(opts.words ?? DEFAULT_WORDS)];
  for (let i = 0; words.length + 2 < (opts.vocabSize ?? 0); i++) words.push(`w${i}`);
  const vocab = ['[PAD]', '[UNK]', ...words];
  const random = rng(opts.seed ?? 42);
  const matrix = new Float32Array(vocab.length * dims);
  // Rows 0 and 1 stay zero so padding and unknown words do not move the mean.
  for (let i = 2 * dims; i < matrix.length; i++) matrix[i] = random() * 2 - 1;

  await mkdir(join(dir, 'onnx'), { recursive: true });
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dims,
    vocab_size: vocab.length,
    pad_token_id: 0,
  };
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, '[PAD]'), special(1, '[UNK]')],
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: {
      type: 'WordLevel',
      vocab: Object.fromEntries(vocab.map((w, i) => [w, i])),
      unk_token: '[UNK]',
    },
  };
  const tokenizerConfig = {
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    do_lower_case: true,
    model_max_length: 1_000_000,
  };
  await writeFile(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  await writeFile(
    join(dir, 'special_tokens_map.json'),
    JSON.stringify({ pad_token: '[PAD]', unk_token: '[UNK]' }),
  );
  const bytes = tinyOnnxModel(matrix, vocab.length, dims);
  for (const w of opts.weights ?? ['fp32'])
    await writeFile(join(dir, 'onnx', w === 'fp32' ? 'model.onnx' : 'model_quantized.onnx'), bytes);

  const index = new Map(vocab.map((w, i) => [w, i]));
  return {
    dir,
    dims,
    vocab,
    vectorOf: (word) => {
      const i = index.get(word.toLowerCase()) ?? 1;
      return matrix.slice(i * dims, (i + 1) * dims);
    },
  };
}
