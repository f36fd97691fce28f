// Model folders on disk: which ids are valid, which files a transformers.js model needs, and safe
// paths and sizes inside a models folder. Shared by the catalogue and the download pipeline.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { QuireError } from '@shared/api/errors';
import { ModelIdSchema } from '@shared/api/schemas';
import { MANIFEST_NAME, type Dtype } from './manifest';

/** The files a transformers.js feature-extraction model needs, besides one weight file. */
export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
// generation_config.json: text-generation models (the LLM tagger's transformers.js provider) carry it.
export const OPTIONAL_FILES = ['special_tokens_map.json', 'generation_config.json'];
/** Weight files in order of preference, with the dtype that makes transformers.js load each. */
export const WEIGHT_FILES: [path: string, dtype: Dtype][] = [
  ['onnx/model.onnx', 'fp32'],
  ['onnx/model_quantized.onnx', 'q8'],
];
/** Validates an id and refuses ones that would leave the models folder (`owner/..`). */
export function parseModelId(raw: string): string {
  const parsed = ModelIdSchema.safeParse(raw);
  if (!parsed.success)
    throw new QuireError(
      'invalid_input',
      `"${raw}" is not a model id: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  if (parsed.data.split('/').some((s) => s === '.' || s === '..'))
    throw new QuireError('invalid_input', `"${raw}" is not a model id.`);
  return parsed.data;
}

/** A relative path from the hub is safe when it stays inside the model folder. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.includes('\\') || p.includes('\0') || p.startsWith('/') || /^[A-Za-z]:/.test(p))
    return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

export function inside(root: string, rel: string): string {
  const base = resolve(root);
  const full = resolve(base, ...rel.split('/'));
  if (!full.startsWith(base + sep)) throw new QuireError('invalid_input', `Unsafe path: ${rel}`);
  return full;
}

export function sizeOfSync(path: string): number | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

export async function sizeOf(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/** Bytes of every file under a folder, skipping unfinished `.part` files. */
export function folderSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) total += folderSize(full);
    else if (e.isFile() && !e.name.endsWith('.part')) total += statSync(full).size;
  }
  return total;
}

/** Folders under `root` that look like models: `root/name` or `root/owner/name` with config.json. */
export function modelFolders(root: string): string[] {
  const ids: string[] = [];
  const dirs = (d: string) => {
    try {
      return readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch {
      return [];
    }
  };
  for (const a of dirs(root)) {
    if (existsSync(join(root, a, 'config.json')) || existsSync(join(root, a, MANIFEST_NAME)))
      ids.push(a);
    else for (const b of dirs(join(root, a))) ids.push(`${a}/${b}`);
  }
  return ids.filter((id) => ModelIdSchema.safeParse(id).success);
}

/** The weight file present in a folder without a manifest (bundled models built by hand). */
export function weightsIn(dir: string): [string, Dtype] | null {
  return WEIGHT_FILES.find(([p]) => existsSync(join(dir, ...p.split('/')))) ?? null;
}
