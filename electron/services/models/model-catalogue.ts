// The catalogue of installed embedding models: the ones bundled with the app and the complete
// downloads in the library's models folder, and where transformers.js finds each. Read-only.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QuireError } from '@shared/api/errors';
import type { ModelInfo } from '@shared/api/schemas';
import { dimsFromConfig, readManifest, type Dtype, type Manifest } from './manifest';
import {
  folderSize,
  isSafeRelativePath,
  modelFolders,
  parseModelId,
  sizeOfSync,
  weightsIn,
} from './model-files';

/** An installed model as the API lists it (the caller adds `active`). */
export type InstalledModel = Omit<ModelInfo, 'active'>;

/** What the embedding service needs to load a model with transformers.js. */
export type LocatedModel = {
  /** Set `env.localModelPath` to this, then `pipeline('feature-extraction', id, { dtype })`. */
  localModelPath: string;
  id: string;
  dims: number;
  dtype: Dtype;
  source: InstalledModel['source'];
};

type Entry = { id: string; info: InstalledModel; dtype: Dtype };

export class ModelCatalogue {
  readonly bundledRoot: string;
  readonly downloadRoot: string;

  constructor(bundledRoot: string, downloadRoot: string) {
    this.bundledRoot = resolve(bundledRoot);
    this.downloadRoot = resolve(downloadRoot);
  }

  /** Every installed model: bundled first, then complete downloads (a bundled id hides a download). */
  list(): InstalledModel[] {
    const bundled = this.bundled();
    const names = new Set(bundled.map((m) => m.id));
    return [
      ...bundled.map((m) => m.info),
      ...this.downloaded()
        .filter((m) => !names.has(m.id))
        .map((m) => m.info),
    ];
  }

  /** Where transformers.js finds a model; not_found (naming the installed ones) when it is absent. */
  locate(rawId: string): LocatedModel {
    const id = parseModelId(rawId);
    const found =
      this.bundled().find((m) => m.id === id) ?? this.downloaded().find((m) => m.id === id);
    if (!found) {
      const ids = [...this.bundled(), ...this.downloaded()].map((m) => m.id);
      throw new QuireError(
        'not_found',
        `The model ${id} is not installed. Installed: ${ids.length ? ids.join(', ') : 'none'}.`,
        { installed: ids },
      );
    }
    return {
      localModelPath: found.info.source === 'bundled' ? this.bundledRoot : this.downloadRoot,
      id,
      dims: found.info.dims,
      dtype: found.dtype,
      source: found.info.source,
    };
  }

  bundled(): Entry[] {
    const out: Entry[] = [];
    for (const id of modelFolders(this.bundledRoot)) {
      const dir = join(this.bundledRoot, ...id.split('/'));
      const manifest = readManifest(dir);
      const weights = manifest
        ? ([manifest.weights, manifest.dtype] as [string, Dtype])
        : weightsIn(dir);
      if (!weights || sizeOfSync(join(dir, ...weights[0].split('/'))) == null) continue;
      if (!existsSync(join(dir, 'tokenizer.json'))) continue;
      out.push({
        id,
        dtype: weights[1],
        info: {
          id,
          source: 'bundled',
          dims: manifest?.dims ?? dimsFromConfig(dir) ?? 0,
          sizeBytes: folderSize(dir),
          description: manifest?.description ?? 'Bundled with Quire: works offline.',
        },
      });
    }
    return out;
  }

  downloaded(): Entry[] {
    const out: Entry[] = [];
    for (const id of modelFolders(this.downloadRoot)) {
      const dir = join(this.downloadRoot, ...id.split('/'));
      const m = readManifest(dir);
      if (!m || m.id !== id || !this.complete(dir, m)) continue;
      out.push({ id, dtype: m.dtype, info: this.infoOf(dir, m) });
    }
    return out;
  }

  /** Every file the manifest names is present with its recorded size (cheap; hashes were checked on download). */
  complete(dir: string, m: Manifest): boolean {
    return (
      m.files.length > 0 &&
      m.files.some((f) => f.path === m.weights) &&
      m.files.every(
        (f) => isSafeRelativePath(f.path) && sizeOfSync(join(dir, ...f.path.split('/'))) === f.size,
      )
    );
  }

  infoOf(dir: string, m: Manifest): InstalledModel {
    let host = m.source;
    try {
      host = new URL(m.source).host;
    } catch {
      // not a URL: keep as is
    }
    return {
      id: m.id,
      source: 'downloaded',
      dims: m.dims ?? dimsFromConfig(dir) ?? 0,
      sizeBytes: m.files.reduce((n, f) => n + f.size, 0),
      description:
        m.description ??
        `Downloaded from ${host} (revision ${m.revision}${m.commit ? ` @ ${m.commit.slice(0, 7)}` : ''}, ${m.dtype} weights).`,
    };
  }
}
