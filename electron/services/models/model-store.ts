// The model manager: which embedding models are installed (the catalogue: bundled with the app, or
// downloaded into the library's models folder), where transformers.js finds them, and downloading new
// ones from the hub (the download pipeline) with resume, integrity checks and cancel. Plain Node.
import { existsSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { QuireError } from '@shared/api/errors';
import { HubClient } from './hub-client';
import { MANIFEST_NAME } from './manifest';
import { ModelCatalogue, type InstalledModel, type LocatedModel } from './model-catalogue';
import { ModelDownloader, type DownloadContext } from './model-download';
import { inside, parseModelId } from './model-files';

export type { InstalledModel, LocatedModel } from './model-catalogue';
export { isSafeRelativePath, parseModelId } from './model-files';

export type ModelStoreOptions = {
  /** resources/models: read-only folders in transformers.js layout, named like hub ids. */
  bundledRoot: string;
  /** <library>/models: downloaded models, one folder per id. */
  downloadRoot: string;
  /** The hub, e.g. 'https://huggingface.co' (the caller applies QUIRE_HUB_URL). */
  hubUrl: string;
  /** Another fetch (e.g. Electron's net.fetch, which honours the system proxy). */
  fetch?: typeof fetch;
  /** Time allowed until a hub response's headers arrive (default 15 s). */
  connectTimeoutMs?: number;
  /** Time allowed without any data while a file streams (default 30 s). */
  stallTimeoutMs?: number;
  /** Automatic resumes per file when a transfer breaks off mid-body (default 2). */
  retries?: number;
};

export class ModelStore {
  readonly bundledRoot: string;
  readonly downloadRoot: string;
  readonly hubUrl: string;
  private readonly catalogue: ModelCatalogue;
  private readonly downloader: ModelDownloader;
  /** Ids being downloaded now: a second download of the same id would fight over `.part` files. */
  private readonly busy = new Set<string>();

  constructor(opts: ModelStoreOptions) {
    this.catalogue = new ModelCatalogue(opts.bundledRoot, opts.downloadRoot);
    const hub = new HubClient({
      hubUrl: opts.hubUrl,
      fetch: opts.fetch,
      connectTimeoutMs: opts.connectTimeoutMs,
      stallTimeoutMs: opts.stallTimeoutMs,
    });
    this.downloader = new ModelDownloader(hub, this.catalogue, opts.retries ?? 2);
    this.bundledRoot = this.catalogue.bundledRoot;
    this.downloadRoot = this.catalogue.downloadRoot;
    this.hubUrl = hub.hubUrl;
  }

  /** Every installed model: bundled first, then complete downloads (a bundled id hides a download). */
  list(): Promise<InstalledModel[]> {
    return Promise.resolve(this.catalogue.list());
  }

  /** Where transformers.js finds a model; not_found (naming the installed ones) when it is absent. */
  locate(rawId: string): LocatedModel {
    return this.catalogue.locate(rawId);
  }

  /**
   * Downloads `id` at `revision` from the hub into the models folder: config, tokenizer files and
   * one ONNX weight file, each resumed from its `.part` when one exists, checked against the hub's
   * checksum, then moved into place; the manifest is written last so the model lists only once whole.
   */
  async download(rawId: string, revision: string, ctx: DownloadContext): Promise<InstalledModel> {
    const id = parseModelId(rawId);
    if (id.startsWith('server:'))
      throw new QuireError(
        'invalid_input',
        `${id} is served by the LLM server, not downloaded: set it with quire llm set --embedding-model NAME, then quire models use ${id}.`,
      );
    const bundled = this.catalogue.bundled().find((m) => m.id === id);
    if (bundled) return bundled.info;
    if (this.busy.has(id))
      throw new QuireError('unavailable', `The model ${id} is already being downloaded.`);
    this.busy.add(id);
    try {
      return await this.downloader.download(id, revision, ctx);
    } finally {
      this.busy.delete(id);
    }
  }

  /** Deletes a downloaded model. Bundled models ship with the app and cannot be removed. */
  async remove(rawId: string): Promise<void> {
    const id = parseModelId(rawId);
    if (this.busy.has(id))
      throw new QuireError('unavailable', `The model ${id} is being downloaded; cancel it first.`);
    const dir = inside(this.downloadRoot, id);
    if (!existsSync(dir)) {
      if (this.catalogue.bundled().some((m) => m.id === id))
        throw new QuireError('invalid_input', `${id} is bundled with Quire and cannot be removed.`);
      throw new QuireError('not_found', `The model ${id} is not downloaded.`);
    }
    // Manifest first: if the rest is interrupted, the leftover folder is simply not listed.
    await rm(join(dir, MANIFEST_NAME), { force: true });
    await rm(dir, { recursive: true, force: true });
    if (id.includes('/')) await rmdir(dirname(dir)).catch(() => {}); // the owner folder, if empty
  }
}
