// Embedder: the main-thread handle on a model loaded in the process's embedding worker. Sends
// batches, gets vectors back; a request whose signal fires is answered `cancelled` at once (the batch
// in flight finishes in the worker and is dropped).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { QuireError } from '@shared/api/errors';

export type EmbedderModel = {
  /** Folder holding model folders (transformers.js `env.localModelPath`). */
  localModelPath: string;
  /** Folder name below it, as a hub id: `quire-glove-100d`, `Xenova/all-MiniLM-L6-v2`. */
  id: string;
  /** transformers.js weight type, e.g. 'fp32' (onnx/model.onnx) or 'q8' (model_quantized.onnx). */
  dtype: string;
  /** Set for a model served over HTTP (`server:<name>`, server-embedder.ts): no worker is involved. */
  remote?: RemoteEmbeddings;
};

/** Vectors made elsewhere than in the worker (an OpenAI-compatible server's /v1/embeddings). */
export type RemoteEmbeddings = {
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
};

type Reply = {
  type: string;
  id: number;
  dims?: number;
  data?: Float32Array;
  text?: string;
  message?: string;
};
type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };

/** The worker file sits beside this module in the sources and beside main.js in the Electron build. */
function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    join(here, 'embed-worker.mjs'),
    join(here, 'embedding', 'embed-worker.mjs'),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new QuireError('internal', `embed-worker.mjs not found beside ${here}`);
}

/**
 * The one embedding worker of this process: onnxruntime-node's addon registers once per process, so
 * a second worker thread could never load it — the worker is therefore kept for the process's life
 * (even when every model is closed), `unref`'d so it never keeps the process alive on its own.
 */
class WorkerHost {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(workerPath());
    w.unref();
    w.on('message', (msg: Reply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') p.reject(new Error(msg.message));
      else p.resolve(msg);
    });
    const fail = (err: Error) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the embedding worker exited (code ${code})`)));
    this.worker = w;
    return w;
  }

  request(msg: Record<string, unknown>): Promise<Reply> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ ...msg, id });
    });
  }
}

const host = new WorkerHost();
let nextKey = 0;

/**
 * A request to the process's one onnxruntime worker, for other services whose models must run there
 * (the LLM tagger's yes/no scorer): a second thread could not load the addon.
 */
export function requestWorker(
  msg: Record<string, unknown>,
): Promise<{ type: string; data?: Float32Array; text?: string }> {
  return host.request(msg);
}

export class Embedder {
  private readonly key = `m${nextKey++}`;
  private closed = false;

  private constructor(readonly model: EmbedderModel) {}

  private get spec() {
    return {
      key: this.key,
      localModelPath: this.model.localModelPath,
      modelId: this.model.id,
      dtype: this.model.dtype,
    };
  }

  /** Loads the model in the worker; fails with the loader's message. */
  static async start(model: EmbedderModel): Promise<Embedder> {
    const e = new Embedder(model);
    if (model.remote) return e;
    try {
      await host.request({ type: 'load', ...e.spec });
    } catch (err) {
      await e.close();
      throw new QuireError(
        'unavailable',
        `Cannot load the embedding model ${model.id}: ${(err as Error).message}`,
      );
    }
    return e;
  }

  /** Embeds texts (mean pooling, L2-normalised); one vector per text. */
  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    if (this.closed) throw new QuireError('unavailable', 'The embedding model was closed.');
    if (signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
    if (this.model.remote) return this.model.remote.embed(texts, signal);
    const work = host.request({ type: 'embed', ...this.spec, texts }).catch((err: Error) => {
      throw new QuireError('internal', `Embedding with ${this.model.id} failed: ${err.message}`);
    });
    let onAbort: (() => void) | undefined;
    const cancelled = new Promise<never>((_, reject) => {
      onAbort = () => reject(new QuireError('cancelled', 'Cancelled.'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    let reply: Reply;
    try {
      reply = signal ? await Promise.race([work, cancelled]) : await work;
    } finally {
      // One listener per batch would pile up on a long job's signal (MaxListenersExceededWarning).
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
    const dims = reply.dims ?? 0;
    const data = reply.data ?? new Float32Array();
    return texts.map((_, i) => {
      const v = data.subarray(i * dims, (i + 1) * dims);
      // A text with no word the model knows pools to 0/0: store it as the zero vector ("no meaning").
      return Number.isNaN(v[0]) ? new Float32Array(dims) : v;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.model.remote) return;
    await host.request({ type: 'unload', key: this.key }).catch(() => undefined);
  }
}
