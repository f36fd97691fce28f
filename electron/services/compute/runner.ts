// Runs compute operations (./ops.ts) in a worker thread with limits, so heavy graph metrics and fits
// never hold the services thread: a time limit, a memory limit and cancel, each ending the call with
// a clear error while the host lives. Memory is guarded twice, because V8's heap limit
// (`resourceLimits`) does not count ArrayBuffers (typed arrays of the engines, measured: a worker
// limited to 128 MB held 300 MB of filled Uint8Arrays untouched): the host thread, free while the
// worker computes, also samples the process RSS every 50 ms and stops the worker once it grew by
// more than the limit plus a margin since the call started. A session keeps one worker for several
// calls (a notebook cell calling fit() in a loop) and is closed with its run.
import { Worker } from 'node:worker_threads';
import type { Progress } from '@shared/api/contract';
import { QuireError, type ErrorCode } from '@shared/api/errors';
import type { ComputeReply, ComputeRequest } from './compute-worker';
import type { ComputeOp, ComputeOps } from './ops';
import { workerEntry } from './worker-entry';

export type ComputeLimits = {
  /** Wall-clock limit of one call. */
  timeoutMs: number;
  /** Heap limit of the worker; the process RSS may grow by this much plus RSS_MARGIN_MB. */
  memoryMb: number;
};

/**
 * The messages a caller gives for its domain ("graph: …", "fit: …"); with `code`, a limit ends the
 * call with a QuireError of that code (callers branch on codes, not on message prefixes).
 */
export type LimitMessages = {
  memory: (mb: number) => string;
  timeout: (ms: number) => string;
  code?: ErrorCode;
};

export type RunOptions = {
  signal?: AbortSignal;
  /** Overrides the session's time limit for this call. */
  timeoutMs?: number;
  onProgress?: (p: Progress) => void;
};

/** RSS a call may add beyond `memoryMb`: young generation, code, the worker's own start-up. */
export const RSS_MARGIN_MB = 96;
const SAMPLE_MS = 50;

export class ComputeSession {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private closed = false;
  private pending = 0;
  /** Calls run one at a time: a worker computes synchronously. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limits: ComputeLimits,
    private readonly messages: LimitMessages,
  ) {}

  run<K extends ComputeOp>(
    op: K,
    input: ComputeOps[K]['input'],
    opts: RunOptions = {},
  ): Promise<ComputeOps[K]['output']> {
    this.pending++;
    const next = this.queue.then(() => this.runNow(op, input, opts)).finally(() => this.pending--);
    this.queue = next.catch(() => {});
    return next as Promise<ComputeOps[K]['output']>;
  }

  /** Calls running or queued. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Terminates the worker; calls still running or queued fail as cancelled. */
  close(): void {
    this.closed = true;
    this.kill();
  }

  private spawn(): Worker {
    const entry = workerEntry('compute-worker', import.meta.url);
    const worker = new Worker(entry.file, {
      workerData: entry.workerData,
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 8,
      },
    });
    // Referenced only while a call runs: an idle worker must not keep a CLI command alive.
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`compute worker exited (${code})`)));
    });
    this.ready.catch(() => {});
    return worker;
  }

  private limitError(message: string): Error {
    return this.messages.code ? new QuireError(this.messages.code, message) : new Error(message);
  }

  private kill(): void {
    const w = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (w) void w.terminate();
  }

  private async runNow<K extends ComputeOp>(
    op: K,
    input: ComputeOps[K]['input'],
    opts: RunOptions,
  ): Promise<unknown> {
    if (this.closed || opts.signal?.aborted) throw new QuireError('cancelled', 'Cancelled.');
    const worker = (this.worker ??= this.spawn());
    const timeoutMs = opts.timeoutMs ?? this.limits.timeoutMs;
    const { memoryMb } = this.limits;
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      let done = false;
      const baseline = process.memoryUsage.rss();
      const end = (err: Error | null, value?: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(sampler);
        opts.signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (err) {
          // The worker may be mid-computation: it cannot be reused.
          if (this.worker === worker) this.kill();
          reject(err);
        } else resolve(value);
      };
      const onMessage = (msg: ComputeReply | { ready: true }) => {
        if (!('id' in msg) || msg.id !== id) return;
        if ('progress' in msg) opts.onProgress?.(msg.progress);
        else if (msg.ok) end(null, msg.value);
        else end(msg.code ? new QuireError(msg.code, msg.message) : new Error(msg.message));
      };
      const onError = (err: Error & { code?: string }) =>
        end(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? this.limitError(this.messages.memory(memoryMb))
            : new Error(`compute worker failed: ${err.message}`),
        );
      const onExit = (code: number) =>
        end(
          this.closed
            ? new QuireError('cancelled', 'Cancelled.')
            : new Error(`compute worker stopped (exit code ${code})`),
        );
      const onAbort = () => end(new QuireError('cancelled', 'Cancelled.'));
      const timer = setTimeout(
        () => end(this.limitError(this.messages.timeout(timeoutMs))),
        timeoutMs,
      );
      const sampler = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > (memoryMb + RSS_MARGIN_MB) * 2 ** 20)
          end(this.limitError(this.messages.memory(memoryMb)));
      }, SAMPLE_MS);
      sampler.unref();
      opts.signal?.addEventListener('abort', onAbort);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      void this.ready?.then(
        () => {
          if (!done) worker.postMessage({ id, op, input } satisfies ComputeRequest);
        },
        (err: Error) => onError(err),
      );
    });
  }
}

/** One call in a fresh worker, terminated afterwards. */
export async function runCompute<K extends ComputeOp>(
  op: K,
  input: ComputeOps[K]['input'],
  limits: ComputeLimits,
  messages: LimitMessages,
  opts: RunOptions = {},
): Promise<ComputeOps[K]['output']> {
  const session = new ComputeSession(limits, messages);
  try {
    return await session.run(op, input, opts);
  } finally {
    session.close();
  }
}
