// Node runner of the notebook sandbox: one child process per cell run (./sandbox-process.mjs, which
// holds the sandbox worker thread and watches memory, ArrayBuffers included; why a process: its
// header), with an empty environment; the shared host (shared/notebook/sandbox/host.ts) does the
// protocol, time limit and cancellation, and kills the process when the run settles.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkLauncher, type ChildLauncher } from './child-launcher';
import type { CellOutput } from '@shared/notebook/model';
import {
  runInSandbox,
  type SandboxRunOptions,
  type WorkerExit,
  type WorkerPort,
} from '@shared/notebook/sandbox/host';
import { SANDBOX_PRELUDE } from '@shared/notebook/sandbox/prelude';
import {
  SANDBOX_DEFAULTS,
  type SandboxEnv,
  type WorkerToHost,
} from '@shared/notebook/sandbox/protocol';

/** The process script sits beside this module in the sources and beside main.js in a build. */
function processScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, 'sandbox-process.mjs');
  if (!existsSync(file)) throw new Error(`sandbox-process.mjs not found beside ${here}`);
  // Packaged: child processes start from real files (electron-builder.yml asarUnpack).
  return file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** A V8 fatal error (heap exhausted in a builtin) aborts the process: SIGABRT, or exit 134. */
const aborted = (code: number | null, signal: NodeJS.Signals | null) =>
  signal === 'SIGABRT' || code === 134 || code === 3221226505; /* Windows abort */

export function spawnNodeWorker(
  memoryMb: number,
  launch: ChildLauncher = forkLauncher,
): WorkerPort {
  const child = launch(processScript());
  child.send({ memoryMb, prelude: SANDBOX_PRELUDE });
  let exitCb: ((exit: WorkerExit) => void) | undefined;
  let ended = false;
  const exit = (e: WorkerExit) => {
    if (ended) return;
    ended = true;
    exitCb?.(e);
  };
  child.onExit((code, signal) =>
    exit(
      aborted(code, signal)
        ? { kind: 'out-of-memory', message: 'aborted' }
        : {
            kind: 'crashed',
            message: `The sandbox stopped unexpectedly (exit code ${code ?? signal}).`,
          },
    ),
  );
  child.onError((err) => exit({ kind: 'crashed', message: `The sandbox failed: ${err.message}` }));
  return {
    post: (msg) => child.send(msg),
    onMessage: (cb) =>
      child.onMessage((raw) => {
        const msg = raw as WorkerToHost | ({ type: 'exit' } & WorkerExit);
        if (msg.type === 'exit') exit({ kind: msg.kind, message: msg.message });
        else cb(msg);
      }),
    onExit: (cb) => {
      exitCb = cb;
    },
    terminate: () => {
      ended = true;
      child.kill();
    },
  };
}

/** Runs one JavaScript cell in a fresh Node worker. */
export function runJavaScriptInNode(
  source: string,
  env: SandboxEnv,
  opts: SandboxRunOptions = {},
  launch: ChildLauncher = forkLauncher,
): Promise<CellOutput[]> {
  const memoryMb = opts.memoryMb ?? SANDBOX_DEFAULTS.memoryMb;
  return runInSandbox(() => spawnNodeWorker(memoryMb, launch), source, env, {
    ...opts,
    memoryMb,
  });
}
