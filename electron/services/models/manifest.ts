// The `quire-model.json` manifest in every model folder: which files make the model, their sizes and
// checksums, where it came from, and what the embedding service needs (dims, dtype). A downloaded
// model counts as installed only once its manifest exists, and the manifest is written last.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_NAME = 'quire-model.json';

/** The transformers.js dtype that selects the weight file (`q8` → `onnx/model_quantized.onnx`). */
export const DtypeSchema = z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4']);
export type Dtype = z.infer<typeof DtypeSchema>;

export const ManifestFileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The hub's git oid, to tell on a later download whether the file changed upstream. */
  oid: z.string().optional(),
});

export const ManifestSchema = z.object({
  format: z.literal(1),
  id: z.string().min(1),
  revision: z.string().default('main'),
  /** The hub commit the files came from, when the hub said (X-Repo-Commit). */
  commit: z.string().nullable().default(null),
  /** `bundled`, or the hub URL the files were downloaded from. */
  source: z.string().min(1),
  dims: z.number().int().positive().optional(),
  dtype: DtypeSchema.default('fp32'),
  /** The one ONNX weight file, relative to the model folder. */
  weights: z.string().default('onnx/model.onnx'),
  files: z.array(ManifestFileSchema).default([]),
  createdAt: z.string().optional(),
  description: z.string().optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Reads a folder's manifest; null when absent or unreadable (an incomplete or foreign folder). */
export function readManifest(dir: string): Manifest | null {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The embedding width from a transformers config.json (`hidden_size`, `dim`, `d_model` or `n_embd`). */
export function dimsFromConfig(dir: string): number | null {
  try {
    const c = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['hidden_size', 'dim', 'd_model', 'n_embd']) {
      const v = c[key];
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    }
  } catch {
    // unreadable config: no dims
  }
  return null;
}
