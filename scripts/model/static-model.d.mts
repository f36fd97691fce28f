// Types of static-model.mjs, for the TypeScript test and benchmark that import it.

export const SOURCE_PACKAGE: string;
export const PAD: string;
export const UNK: string;
export const MODEL_MAX_LENGTH: number;

export interface BuildOptions {
  /** Number of top-frequency source words kept (after dropping words the tokenizer cannot produce). */
  vocabSize: number;
  /** SIF parameter a, or 0/null for unweighted rows. */
  sif: number | null;
  /** Number of common components projected out of every row. */
  pcs: number;
  /** Add rows for terms of the curated domain table that the vocabulary lacks. */
  domainTerms: boolean;
  /** Zero the rows of punctuation tokens. */
  zeroPunctuation: boolean;
  /** Storage type of the embedding initializer. */
  dtype: 'fp32' | 'fp16' | 'int8';
}

export interface Wink {
  version: string;
  dims: number;
  words: string[];
  vector(word: string): number[] | undefined;
}

export interface BuiltMatrix {
  tokens: string[];
  matrix: Float32Array;
  dims: number;
  stats: { vocabSize: number; skipped: number; domainAdded: number; pcs: number };
}

export const DEFAULT_OPTIONS: Readonly<BuildOptions>;
export function normalizeText(text: string): string;
export function tokenize(text: string): string[];
export function vocabKey(word: string): string | null;
export function isPunctuation(token: string): boolean;
export function loadWink(fromDir?: string): Wink;
export function buildMatrix(wink: Wink, opts?: Partial<BuildOptions>): BuiltMatrix;
export function toHalf(x: number): number;
export function fromHalf(h: number): number;
export function storedMatrix(
  matrix: Float32Array,
  dtype: BuildOptions['dtype'],
  dims?: number,
): Float32Array;
export function quantizeRows(
  matrix: Float32Array,
  dims: number,
): { q: Int8Array; scales: Float32Array };
export function dequantizeRows(q: Int8Array, scales: Float32Array, dims: number): Float32Array;
export function makeEmbedder(
  tokens: string[],
  matrix: Float32Array,
  dims: number,
): (text: string) => Float64Array;
export function readOnnxMatrix(
  file: string,
): Promise<{ matrix: Float32Array; rows: number; dims: number }>;
/** A tokenizer.json added-token entry for a special token. */
export function specialToken(
  id: number,
  content: string,
): {
  id: number;
  content: string;
  single_word: false;
  lstrip: false;
  rstrip: false;
  normalized: false;
  special: true;
};
export function textFiles(tokens: string[], dims: number): Record<string, string>;
export function sha256(buf: Buffer | string): string;
export function writeModelFolder(
  dir: string,
  built: BuiltMatrix,
  manifestBase: Record<string, unknown> & { build: BuildOptions },
): Promise<Record<string, unknown>>;
