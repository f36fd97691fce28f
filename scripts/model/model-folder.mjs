// Writes the transformers.js model folder: config and tokenizer files, model.onnx and the
// quire-model.json manifest with every file's sha256.
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { onnxBytes } from './onnx-graph.mjs';
import { MODEL_MAX_LENGTH, PAD, UNK } from './tokenizer.mjs';

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** A tokenizer.json added-token entry for a special token ([PAD], [UNK], <|endoftext|>…). */
export const specialToken = (id, content) => ({
  id,
  content,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});

/** The text files of the folder (transformers.js layout), as name → string. */
export function textFiles(tokens, dims) {
  const vocab = {};
  tokens.forEach((t, i) => (vocab[t] = i));
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
      added_tokens: [specialToken(0, PAD), specialToken(1, UNK)],
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
