// Compute worker (worker_threads): runs heavy graph and fit operations (./ops.ts) away from the
// services thread, one request at a time, under the limits its runner (./runner.ts) sets. Started
// as TypeScript through tsx in the sources (CLI, vitest, `quire serve`) and as the self-contained
// bundle out/main/compute-worker.mjs in the Electron build (electron.vite.config.ts).
import { parentPort } from 'node:worker_threads';
import type { Progress } from '@shared/api/contract';
import { errorMessage, QuireError, type ErrorCode } from '@shared/api/errors';
import { runOp, type ComputeOp } from './ops';

export type ComputeRequest = { id: number; op: ComputeOp; input: unknown };
export type ComputeReply =
  | { id: number; ok: true; value: unknown }
  /** `code`: a QuireError's (e.g. the graph engine's `invalid_input`), kept across the thread. */
  | { id: number; ok: false; message: string; code?: ErrorCode }
  | { id: number; progress: Progress };

parentPort?.on('message', async (req: ComputeRequest) => {
  let reply: ComputeReply;
  try {
    const onProgress = (progress: Progress) => parentPort?.postMessage({ id: req.id, progress });
    reply = { id: req.id, ok: true, value: await runOp(req.op, req.input as never, onProgress) };
  } catch (err) {
    reply = {
      id: req.id,
      ok: false,
      message: errorMessage(err),
      ...(err instanceof QuireError ? { code: err.code } : {}),
    };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
