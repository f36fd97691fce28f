// Types of tiny-decoder.mjs, for the TypeScript tests that build the decoder in their setup.

export const EOS: string;
export const UNK: string;
export const BASE_WORDS: string[];

export interface TinyDecoderOptions {
  /** Extra vocabulary words (lower case), after the base words. */
  words?: string[];
  /** Vocabulary size, padded with generated words (default 300). */
  vocabSize?: number;
  hidden?: number;
  heads?: number;
  positions?: number;
  seed?: number;
}

export interface TinyDecoderWeights {
  /** [vocab × hidden], row-major. */
  wte: number[];
  /** [positions × hidden]. */
  wpe: number[];
  /** [hidden × hidden]. */
  wk: number[];
  /** [hidden × vocab]. */
  lmHead: number[];
}

export interface TinyDecoder {
  dir: string;
  /** Token id → token. */
  vocab: string[];
  hidden: number;
  heads: number;
  positions: number;
  weights: TinyDecoderWeights;
}

export function decoderOnnx(opts: {
  vocabSize: number;
  hidden: number;
  heads: number;
  positions: number;
  weights: TinyDecoderWeights;
}): Uint8Array;
export function writeTinyDecoder(dir: string, opts?: TinyDecoderOptions): Promise<TinyDecoder>;
