// Runs one topic-map computation in a worker thread, forwarding progress; a fired signal terminates
// the worker at once (UMAP's epochs are synchronous, so there is no cooperative cancel to wait for).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallContext } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';
import type { PipelineInput, PipelineResult } from '@shared/map/pipeline';
import type { WorkerReply } from './map-worker';

/** The built worker sits beside main.js in the Electron build; from the sources a tsx bootstrap starts it. */
function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    join(here, 'map-worker.js'),
    join(here, 'map-worker.mjs'),
    join(here, 'map-worker-dev.mjs'),
  ])
    if (existsSync(candidate)) return candidate;
  throw new QuireError('internal', `map worker not found beside ${here}`);
}

export function runInWorker(
  input: PipelineInput,
  ctx: Pick<CallContext, 'signal' | 'onProgress'>,
): Promise<PipelineResult> {
  if (ctx.signal.aborted) return Promise.reject(new QuireError('cancelled', 'Cancelled.'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath());
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => finish(() => reject(new QuireError('cancelled', 'Cancelled.')));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'progress')
        ctx.onProgress({ phase: msg.phase, done: msg.done, total: msg.total });
      else if (msg.type === 'done') finish(() => resolve(msg.result));
      else finish(() => reject(new QuireError('internal', `map: ${msg.message}`)));
    });
    worker.on('error', (err) =>
      finish(() => reject(new QuireError('internal', `map worker: ${err.message}`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new QuireError('internal', `map worker stopped (exit ${code})`))),
    );
    // The vectors are copied into the worker's message; the caller's copy stays usable.
    worker.postMessage({ type: 'run', input });
  });
}
