// The model manager: which embedding models are installed (bundled with the app, or downloaded into
// the library's models folder), where transformers.js finds them, and downloading new ones from the
// hub with resume, integrity checks and cancel. Plain Node; no `electron` import.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { CallContext, Progress } from '../../../shared/api/contract';
import { QuireError, throwIfCancelled } from '../../../shared/api/errors';
import { ModelIdSchema, type ModelInfo } from '../../../shared/api/schemas';
import { writeFileAtomic } from '../fs/atomic-write';
import { HubClient, TransferInterrupted, type HubFile } from './hub-client';
import { MANIFEST_NAME, dimsFromConfig, readManifest, type Dtype, type Manifest } from './manifest';

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

type DownloadContext = Pick<CallContext, 'signal' | 'onProgress'>;

/** The files a transformers.js feature-extraction model needs, besides one weight file. */
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
// generation_config.json: text-generation models (the LLM tagger's transformers.js provider) carry it.
const OPTIONAL_FILES = ['special_tokens_map.json', 'generation_config.json'];
/** Weight files in order of preference, with the dtype that makes transformers.js load each. */
const WEIGHT_FILES: [path: string, dtype: Dtype][] = [
  ['onnx/model.onnx', 'fp32'],
  ['onnx/model_quantized.onnx', 'q8'],
];
const PROGRESS_INTERVAL_MS = 100;

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

function inside(root: string, rel: string): string {
  const base = resolve(root);
  const full = resolve(base, ...rel.split('/'));
  if (!full.startsWith(base + sep)) throw new QuireError('invalid_input', `Unsafe path: ${rel}`);
  return full;
}

function sizeOfSync(path: string): number | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/** Bytes of every file under a folder, skipping unfinished `.part` files. */
function folderSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) total += folderSize(full);
    else if (e.isFile() && !e.name.endsWith('.part')) total += statSync(full).size;
  }
  return total;
}

/** Folders under `root` that look like models: `root/name` or `root/owner/name` with config.json. */
function modelFolders(root: string): string[] {
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
function weightsIn(dir: string): [string, Dtype] | null {
  return WEIGHT_FILES.find(([p]) => existsSync(join(dir, ...p.split('/')))) ?? null;
}

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

export class ModelStore {
  readonly bundledRoot: string;
  readonly downloadRoot: string;
  readonly hubUrl: string;
  private readonly hub: HubClient;
  private readonly retries: number;
  /** Ids being downloaded now: a second download of the same id would fight over `.part` files. */
  private readonly busy = new Set<string>();

  constructor(opts: ModelStoreOptions) {
    this.bundledRoot = resolve(opts.bundledRoot);
    this.downloadRoot = resolve(opts.downloadRoot);
    this.hub = new HubClient({
      hubUrl: opts.hubUrl,
      fetch: opts.fetch,
      connectTimeoutMs: opts.connectTimeoutMs,
      stallTimeoutMs: opts.stallTimeoutMs,
    });
    this.hubUrl = this.hub.hubUrl;
    this.retries = opts.retries ?? 2;
  }

  /** Every installed model: bundled first, then complete downloads (a bundled id hides a download). */
  async list(): Promise<InstalledModel[]> {
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
    const bundled = this.bundled().find((m) => m.id === id);
    if (bundled) return bundled.info;
    if (this.busy.has(id))
      throw new QuireError('unavailable', `The model ${id} is already being downloaded.`);
    this.busy.add(id);
    try {
      return await this.downloadUnlocked(id, revision, ctx);
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
      if (this.bundled().some((m) => m.id === id))
        throw new QuireError('invalid_input', `${id} is bundled with Quire and cannot be removed.`);
      throw new QuireError('not_found', `The model ${id} is not downloaded.`);
    }
    // Manifest first: if the rest is interrupted, the leftover folder is simply not listed.
    await rm(join(dir, MANIFEST_NAME), { force: true });
    await rm(dir, { recursive: true, force: true });
    if (id.includes('/')) await rmdir(dirname(dir)).catch(() => {}); // the owner folder, if empty
  }

  // ---- installed models ---------------------------------------------------------------------

  private bundled(): { id: string; info: InstalledModel; dtype: Dtype }[] {
    const out: { id: string; info: InstalledModel; dtype: Dtype }[] = [];
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

  private downloaded(): { id: string; info: InstalledModel; dtype: Dtype }[] {
    const out: { id: string; info: InstalledModel; dtype: Dtype }[] = [];
    for (const id of modelFolders(this.downloadRoot)) {
      const dir = join(this.downloadRoot, ...id.split('/'));
      const m = readManifest(dir);
      if (!m || m.id !== id || !this.complete(dir, m)) continue;
      out.push({ id, dtype: m.dtype, info: this.infoOf(dir, m) });
    }
    return out;
  }

  /** Every file the manifest names is present with its recorded size (cheap; hashes were checked on download). */
  private complete(dir: string, m: Manifest): boolean {
    return (
      m.files.length > 0 &&
      m.files.some((f) => f.path === m.weights) &&
      m.files.every(
        (f) => isSafeRelativePath(f.path) && sizeOfSync(join(dir, ...f.path.split('/'))) === f.size,
      )
    );
  }

  private infoOf(dir: string, m: Manifest): InstalledModel {
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

  // ---- download -----------------------------------------------------------------------------

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

  private async downloadUnlocked(
    id: string,
    revision: string,
    ctx: DownloadContext,
  ): Promise<InstalledModel> {
    const { signal } = ctx;
    const dir = inside(this.downloadRoot, id);
    ctx.onProgress({ phase: 'download', done: 0, total: null, message: `listing files of ${id}` });
    const tree = await this.hub.listFiles(id, revision, signal);
    const plan = this.plan(id, tree);
    const total = plan.files.reduce((n, f) => n + f.size, 0);

    // Already installed with the same files upstream: nothing to fetch.
    const old = readManifest(dir);
    if (old && old.id === id && old.revision === revision && this.complete(dir, old)) {
      const same = plan.files.every((f) => {
        const o = old.files.find((x) => x.path === f.path);
        return o && o.size === f.size && (f.lfs ? o.sha256 === f.lfs.oid : o.oid === f.oid);
      });
      if (same && old.weights === plan.weights) {
        ctx.onProgress({ phase: 'download', done: total, total, message: 'already downloaded' });
        return this.infoOf(dir, old);
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
    return this.infoOf(dir, manifest);
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
