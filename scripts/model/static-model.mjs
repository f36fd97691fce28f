// Core of the bundled default embedding model: loads the wink GloVe vectors, picks the vocabulary,
// bakes SIF weights / common-component removal / domain words into one matrix, tokenises exactly
// as the transformers.js tokenizer we ship does, and writes the transformers.js model folder.
// Shared by scripts/build-default-model.mjs, its test and bench/quality/static-model.ts, so the
// benchmark measures the same code that builds the shipped bytes. One module per step; this one
// gathers them so callers import from one place.
export {
  MODEL_MAX_LENGTH,
  PAD,
  UNK,
  isPunctuation,
  normalizeText,
  tokenize,
  vocabKey,
} from './tokenizer.mjs';
export { SOURCE_PACKAGE, loadWink } from './wink-source.mjs';
export { DEFAULT_OPTIONS, buildMatrix } from './matrix.mjs';
export { dequantizeRows, fromHalf, quantizeRows, storedMatrix, toHalf } from './storage.mjs';
export { makeEmbedder } from './embedder.mjs';
export { readOnnxMatrix } from './onnx-graph.mjs';
export { sha256, specialToken, textFiles, writeModelFolder } from './model-folder.mjs';
