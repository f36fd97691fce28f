// Node runner of the notebook sandbox: one worker_threads Worker per cell run, with a V8 heap
// limit (resourceLimits) as the memory guard and an empty environment; the shared host
// (shared/notebook/sandbox/host.ts) does the protocol, time limit and cancellation.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CellOutput } from '../../../../shared/notebook/model';
import {
  runInSandbox,
  type SandboxRunOptions,
  type WorkerPort,
} from '../../../../shared/notebook/sandbox/host';
import { SANDBOX_PRELUDE } from '../../../../shared/notebook/sandbox/prelude';
import { SANDBOX_DEFAULTS, type SandboxEnv } from '../../../../shared/notebook/sandbox/protocol';

/** The worker file sits beside this module in the sources and under notebooks/sandbox/ beside main.js in a build. */
function workerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    join(here, 'sandbox-worker.mjs'),
    join(here, 'notebooks', 'sandbox', 'sandbox-worker.mjs'),
  ])
    if (existsSync(candidate)) return candidate;
  throw new Error(`sandbox-worker.mjs not found beside ${here}`);
}

export function spawnNodeWorker(memoryMb: number): WorkerPort {
  const worker = new Worker(workerPath(), {
    workerData: { prelude: SANDBOX_PRELUDE },
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: 16,
      stackSizeMb: 4,
    },
  });
  // The worker's own stdout/stderr are not the cell's console (that goes through the protocol).
  worker.stdout.resume();
  worker.stderr.resume();
  return {
    post: (msg) => worker.postMessage(msg),
    onMessage: (cb) => worker.on('message', cb),
    onExit: (cb) => {
      worker.on('error', (err: Error & { code?: string }) =>
        cb(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { kind: 'out-of-memory', message: err.message }
            : { kind: 'crashed', message: `The sandbox failed: ${err.message}` },
        ),
      );
      worker.on('exit', (code) =>
        cb({ kind: 'crashed', message: `The sandbox stopped unexpectedly (exit code ${code}).` }),
      );
    },
    terminate: () => void worker.terminate(),
  };
}

/** Runs one JavaScript cell in a fresh Node worker. */
export function runJavaScriptInNode(
  source: string,
  env: SandboxEnv,
  opts: SandboxRunOptions = {},
): Promise<CellOutput[]> {
  const memoryMb = opts.memoryMb ?? SANDBOX_DEFAULTS.memoryMb;
  return runInSandbox(() => spawnNodeWorker(memoryMb), source, env, { ...opts, memoryMb });
}
