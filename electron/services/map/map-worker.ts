// Map worker thread: runs the topic-map pipeline (UMAP, clustering, label candidates) off the
// services' event loop. One worker per computation; cancelling terminates it. Built as its own entry
// (out/main/map-worker.js) for the app; started through map-worker-dev.mjs (tsx) from the sources.
import { parentPort } from 'node:worker_threads';
import { runPipeline, type PipelineInput } from '@shared/map/pipeline';
import { errorMessage } from '@shared/api/errors';

export type WorkerRequest = { type: 'run'; input: PipelineInput };
export type WorkerReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: ReturnType<typeof runPipeline> }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('map-worker: must run as a worker thread');
port.on('message', (msg: WorkerRequest) => {
  if (msg.type !== 'run') return;
  try {
    let last = 0;
    const result = runPipeline(msg.input, (phase, done, total) => {
      // At most ~20 progress messages a second: posting is not free at 100k papers.
      const now = Date.now();
      if (done !== total && now - last < 50) return;
      last = now;
      port.postMessage({ type: 'progress', phase, done, total } satisfies WorkerReply);
    });
    port.postMessage({ type: 'done', result } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ type: 'error', message: errorMessage(err) } satisfies WorkerReply);
  }
});
