// Downloading a model from the hub: the files a transformers.js model needs, each resumed from its
// `.part`, checked against the hub's checksum and moved into place; the manifest is written last.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CallContext, Progress } from '@shared/api/contract';
import { QuireError, throwIfCancelled } from '@shared/api/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { HubClient } from './hub-client';
import { TransferInterrupted, type HubFile } from './hub-client';
import { MANIFEST_NAME, dimsFromConfig, readManifest, type Dtype, type Manifest } from './manifest';
import type { InstalledModel, ModelCatalogue } from './model-catalogue';
import {
  OPTIONAL_FILES,
  REQUIRED_FILES,
  WEIGHT_FILES,
  inside,
  isSafeRelativePath,
  sizeOf,
} from './model-files';

export type DownloadContext = Pick<CallContext, 'signal' | 'onProgress'>;

const PROGRESS_INTERVAL_MS = 100;

/** sha256 of the content and the git blob sha1 (`blob <size>\0` + content), computed together. */
type Hashes = { sha256: Hash; sha1: Hash };
function newHashes(size: number): Hashes {
  return { sha256: createHash('sha256'), sha1: createHash('sha1').update(`blob ${size}\0`) };
}

async function hashFileInto(path: string, hashes: Hashes, bytes: number): Promise<void> {
  if (bytes <= 0) return;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) {
    hashes.sha256.update(chunk as Buffer);
    hashes.sha1.update(chunk as Buffer);
  }
}

/** Does the content match what the hub announced? sha256 for LFS files, git blob sha1 otherwise. */
function verify(
  file: HubFile,
  sha256: string,
  sha1: string,
): { ok: boolean; expected: string; got: string } {
  return file.lfs
    ? {
        ok: sha256 === file.lfs.oid.toLowerCase(),
        expected: `sha256 ${file.lfs.oid}`,
        got: `sha256 ${sha256}`,
      }
    : {
        ok: sha1 === file.oid.toLowerCase(),
        expected: `git oid ${file.oid}`,
        got: `git oid ${sha1}`,
      };
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((res, rej) => {
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      res();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      rej(new QuireError('cancelled', 'Cancelled.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export class ModelDownloader {
  constructor(
    private readonly hub: HubClient,
    private readonly catalogue: ModelCatalogue,
    private readonly retries: number,
  ) {}

  get hubUrl(): string {
    return this.hub.hubUrl;
  }

  get downloadRoot(): string {
    return this.catalogue.downloadRoot;
  }

  /** Picks the needed files from the tree; not_found when the repo is not a transformers.js model. */
  private plan(id: string, tree: HubFile[]): { files: HubFile[]; weights: string; dtype: Dtype } {
    const unsafe = tree.find((f) => !isSafeRelativePath(f.path));
    if (unsafe)
      throw new QuireError(
        'invalid_file',
        `The hub listed an unsafe file path for ${id} (${JSON.stringify(unsafe.path)}); refusing to download.`,
      );
    const byPath = new Map(tree.map((f) => [f.path, f]));
    const missing = REQUIRED_FILES.filter((p) => !byPath.has(p));
    const weight = WEIGHT_FILES.find(([p]) => byPath.has(p));
    if (missing.length || !weight)
      throw new QuireError(
        'not_found',
        `${id} is not a transformers.js model Quire can use: it lacks ${[
          ...missing,
          ...(weight ? [] : ['onnx/model.onnx (or onnx/model_quantized.onnx)']),
        ].join(
          ', ',
        )}. Models published for transformers.js (e.g. Xenova/all-MiniLM-L6-v2) have them.`,
      );
    const files = [...REQUIRED_FILES, ...OPTIONAL_FILES.filter((p) => byPath.has(p)), weight[0]]
      .map((p) => byPath.get(p))
      .filter((f): f is HubFile => f !== undefined);
    for (const f of files)
      if (!Number.isSafeInteger(f.size) || f.size < 0)
        throw new QuireError(
          'invalid_file',
          `The hub listed no valid size for ${f.path} of ${id}.`,
        );
    return { files, weights: weight[0], dtype: weight[1] };
  }

  async download(id: string, revision: string, ctx: DownloadContext): Promise<InstalledModel> {
    const { signal } = ctx;
    const dir = inside(this.downloadRoot, id);
    ctx.onProgress({ phase: 'download', done: 0, total: null, message: `listing files of ${id}` });
    const tree = await this.hub.listFiles(id, revision, signal);
    const plan = this.plan(id, tree);
    const total = plan.files.reduce((n, f) => n + f.size, 0);

    // Already installed with the same files upstream: nothing to fetch.
    const old = readManifest(dir);
    if (old && old.id === id && old.revision === revision && this.catalogue.complete(dir, old)) {
      const same = plan.files.every((f) => {
        const o = old.files.find((x) => x.path === f.path);
        return o && o.size === f.size && (f.lfs ? o.sha256 === f.lfs.oid : o.oid === f.oid);
      });
      if (same && old.weights === plan.weights) {
        ctx.onProgress({ phase: 'download', done: total, total, message: 'already downloaded' });
        return this.catalogue.infoOf(dir, old);
      }
    }
    // Replacing files: unlist the model first so a half-updated folder is never used.
    await rm(join(dir, MANIFEST_NAME), { force: true });
    await mkdir(dir, { recursive: true });

    let last = 0;
    let done = 0;
    const report = (base: number, message: string, force = false) => {
      const now = Date.now();
      if (!force && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      const p: Progress = { phase: 'download', done: base, total, message };
      ctx.onProgress(p);
    };

    let commit: string | null = null;
    const recorded: Manifest['files'] = [];
    for (const file of plan.files) {
      throwIfCancelled(signal);
      const base = done;
      const r = await this.fetchFile(id, revision, dir, file, signal, (bytes) =>
        report(base + bytes, file.path),
      );
      commit ??= r.commit;
      done = base + file.size;
      report(done, file.path, true);
      recorded.push({ path: file.path, size: file.size, sha256: r.sha256, oid: file.oid });
    }

    const manifest: Manifest = {
      format: 1,
      id,
      revision,
      commit,
      source: this.hubUrl,
      dims: dimsFromConfig(dir) ?? undefined,
      dtype: plan.dtype,
      weights: plan.weights,
      files: recorded,
      createdAt: new Date().toISOString(),
    };
    await writeFileAtomic(join(dir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
    return this.catalogue.infoOf(dir, manifest);
  }

  /** One file into place, verified. Resumes a `.part`; retries a broken transfer a few times. */
  private async fetchFile(
    id: string,
    revision: string,
    dir: string,
    file: HubFile,
    signal: AbortSignal,
    onBytes: (bytes: number) => void,
  ): Promise<{ sha256: string; commit: string | null }> {
    const target = inside(dir, file.path);
    const part = `${target}.part`;
    await mkdir(dirname(target), { recursive: true });

    // Left in place by an earlier attempt that failed on a later file?
    if ((await sizeOf(target)) === file.size) {
      const h = newHashes(file.size);
      await hashFileInto(target, h, file.size);
      const sha256 = h.sha256.digest('hex');
      if (verify(file, sha256, h.sha1.digest('hex')).ok) return { sha256, commit: null };
    }
    await rm(target, { force: true });

    let interruptions = 0;
    let restartedAfterMismatch = false;
    for (;;) {
      throwIfCancelled(signal);
      let have = (await sizeOf(part)) ?? 0;
      if (have > file.size) {
        await rm(part, { force: true });
        have = 0;
      }
      const resumed = have > 0;
      let result: { hashes: Hashes; commit: string | null };
      try {
        result = await this.transfer(id, revision, file, part, have, signal, onBytes);
      } catch (err) {
        if (!(err instanceof TransferInterrupted)) throw err;
        if (interruptions++ >= this.retries)
          throw new QuireError(
            'unavailable',
            `The download of ${file.path} from ${this.hubUrl} was interrupted: ${err.reason}. Run the download again to resume where it stopped.`,
          );
        await abortableSleep(Math.min(250 * interruptions, 2000), signal);
        continue;
      }
      const sha256 = result.hashes.sha256.digest('hex');
      const check = verify(file, sha256, result.hashes.sha1.digest('hex'));
      if (check.ok) {
        await rename(part, target);
        return { sha256, commit: result.commit };
      }
      await rm(part, { force: true });
      // A resumed file may have joined bytes of two different uploads: try once from scratch.
      if (resumed && !restartedAfterMismatch) {
        restartedAfterMismatch = true;
        continue;
      }
      throw new QuireError(
        'invalid_file',
        `The downloaded ${file.path} of ${id} failed its integrity check (expected ${check.expected}, got ${check.got}); the file was deleted. Try the download again.`,
        { path: file.path },
      );
    }
  }

  /** Streams the rest of a file onto its `.part` (or all of it when the server ignores Range). */
  private async transfer(
    id: string,
    revision: string,
    file: HubFile,
    part: string,
    have: number,
    signal: AbortSignal,
    onBytes: (bytes: number) => void,
  ): Promise<{ hashes: Hashes; commit: string | null }> {
    const stream = await this.hub.openFile(id, revision, file.path, have, signal);
    const resume = stream.status === 206 && stream.start === have && have > 0;
    if (stream.status === 206 && !resume) {
      // A range we did not ask for: drop it and start the file over.
      // Read one chunk and leave: the stream's cleanup ends the request.
      const it = stream.chunks[Symbol.asyncIterator]();
      await it.next();
      await it.return?.(undefined);
      await rm(part, { force: true });
      throw new TransferInterrupted('the server answered an unexpected byte range');
    }
    const hashes = newHashes(file.size);
    let written = 0;
    if (resume) {
      await hashFileInto(part, hashes, have);
      written = have;
    }
    const handle = await open(part, resume ? 'a' : 'w');
    try {
      onBytes(written);
      for await (const chunk of stream.chunks) {
        if (written + chunk.length > file.size) {
          await rm(part, { force: true });
          throw new QuireError(
            'invalid_file',
            `The hub sent more bytes for ${file.path} of ${id} than its listed size (${file.size}); the file was deleted.`,
          );
        }
        await handle.write(chunk);
        hashes.sha256.update(chunk);
        hashes.sha1.update(chunk);
        written += chunk.length;
        onBytes(written);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (written < file.size)
      throw new TransferInterrupted(`the connection closed after ${written} of ${file.size} bytes`);
    return { hashes, commit: stream.commit };
  }
}
