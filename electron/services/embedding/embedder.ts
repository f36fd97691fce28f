// Embedder: the main-thread handle on one embedding worker. Sends batches, gets vectors back;
// a request whose signal fires is answered `cancelled` (the batch in flight finishes in the worker).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { QuireError } from '../../../shared/api/errors';

export type EmbedderModel = {
  /** Folder holding model folders (transformers.js `env.localModelPath`). */
  localModelPath: string;
  /** Folder name below it, as a hub id: `quire-glove-100d`, `Xenova/all-MiniLM-L6-v2`. */
  id: string;
  /** transformers.js weight type, e.g. 'fp32' (onnx/model.onnx) or 'q8' (model_quantized.onnx). */
  dtype: string;
};

type Pending = {
  resolve: (v: { dims: number; data: Float32Array }) => void;
  reject: (e: Error) => void;
};

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

export class Embedder {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | null = null;

  private constructor(readonly model: EmbedderModel) {
    this.worker = new Worker(workerPath(), {
      workerData: { localModelPath: model.localModelPath, modelId: model.id, dtype: model.dtype },
    });
    this.worker.on(
      'message',
      (msg: { type: string; id: number; dims?: number; data?: Float32Array; message?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.type === 'error')
          p.reject(new QuireError('internal', `Embedding model ${model.id}: ${msg.message}`));
        else p.resolve({ dims: msg.dims ?? 0, data: msg.data ?? new Float32Array() });
      },
    );
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`embedding worker exited with code ${code}`)),
    );
  }

  /** Starts a worker and loads the model in it; fails with the loader's message. */
  static async start(model: EmbedderModel): Promise<Embedder> {
    const e = new Embedder(model);
    await e.request({ type: 'load' });
    return e;
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private request(msg: Record<string, unknown>): Promise<{ dims: number; data: Float32Array }> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  /** Embeds texts (mean pooling, L2-normalised); one vector per text. */
  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    if (signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
    const work = this.request({ type: 'embed', texts });
    const { dims, data } = signal
      ? await Promise.race([
          work,
          new Promise<never>((_, reject) =>
            signal.addEventListener(
              'abort',
              () => reject(new QuireError('cancelled', 'Cancelled.')),
              { once: true },
            ),
          ),
        ])
      : await work;
    return texts.map((_, i) => data.subarray(i * dims, (i + 1) * dims));
  }

  async close(): Promise<void> {
    this.failed ??= new Error('embedder closed');
    await this.worker.terminate();
  }
}
