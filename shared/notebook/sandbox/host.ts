// Sandbox host: drives one cell run in a worker over the protocol (./protocol.ts): sends the
// code, answers host calls (search, papers, fit), collects console lines, and enforces the time
// limit and cancellation by terminating the worker. Transport-agnostic: the Node runner
// (electron/services/notebooks/sandbox) and a browser Web Worker runner each adapt their worker.
import { errorMessage } from '../../api/errors';
import type { CellOutput } from '../model';
import { wrapCellSource } from './prelude';
import {
  MEMORY_MESSAGE,
  SANDBOX_DEFAULTS,
  TIMEOUT_MESSAGE,
  type HostFunction,
  type HostToWorker,
  type SandboxEnv,
  type SandboxResult,
  type WorkerToHost,
} from './protocol';

/** Why a worker ended without answering. */
export type WorkerExit = { kind: 'out-of-memory' | 'crashed'; message: string };

/** The few things the host needs from a worker, whatever the platform. */
export type WorkerPort = {
  post: (msg: HostToWorker) => void;
  onMessage: (cb: (msg: WorkerToHost) => void) => void;
  onExit: (cb: (exit: WorkerExit) => void) => void;
  terminate: () => void;
};

/** What cells reach by round-trip; each answers JSON-able values. */
export type SandboxHostFunctions = {
  [F in HostFunction]?: (...args: unknown[]) => unknown;
};

export type SandboxRunOptions = {
  signal?: AbortSignal;
  timeoutMs?: number;
  memoryMb?: number;
  host?: SandboxHostFunctions;
};

export class SandboxCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'AbortError';
  }
}

/** Runs `source` in a fresh worker from `spawn`; resolves with the cell's outputs (errors included). */
export function runInSandbox(
  spawn: () => WorkerPort,
  source: string,
  env: SandboxEnv,
  opts: SandboxRunOptions = {},
): Promise<CellOutput[]> {
  const timeoutMs = opts.timeoutMs ?? SANDBOX_DEFAULTS.timeoutMs;
  const memoryMb = opts.memoryMb ?? SANDBOX_DEFAULTS.memoryMb;
  return new Promise<CellOutput[]>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new SandboxCancelled());
    const outputs: CellOutput[] = [];
    let dropped = 0;
    let settled = false;
    const worker = spawn();
    const finish = (tail: CellOutput[] | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      if (tail instanceof Error) return reject(tail);
      if (dropped > 0)
        outputs.push({
          kind: 'console',
          level: 'warn',
          text: `… ${dropped} more console lines not kept`,
        });
      resolve([...outputs, ...tail]);
    };
    const onAbort = () => finish(new SandboxCancelled());
    const timer = setTimeout(
      () => finish([{ kind: 'error', name: 'Timeout', message: TIMEOUT_MESSAGE(timeoutMs) }]),
      timeoutMs,
    );
    opts.signal?.addEventListener('abort', onAbort);
    worker.onExit((exit) =>
      finish([
        exit.kind === 'out-of-memory'
          ? { kind: 'error', name: 'MemoryLimit', message: MEMORY_MESSAGE(memoryMb) }
          : { kind: 'error', name: 'SandboxError', message: exit.message },
      ]),
    );
    worker.onMessage((msg) => {
      if (settled) return;
      if (msg.type === 'console') {
        if (outputs.length < SANDBOX_DEFAULTS.maxConsoleLines)
          outputs.push({ kind: 'console', level: msg.level, text: msg.text.slice(0, 100_000) });
        else dropped++;
      } else if (msg.type === 'call') {
        if (queue.length >= SANDBOX_DEFAULTS.maxQueuedCalls)
          worker.post({
            type: 'reply',
            callId: msg.callId,
            ok: false,
            value: JSON.stringify(
              `${msg.fn}: more than ${SANDBOX_DEFAULTS.maxQueuedCalls} host calls are waiting; await some before making more`,
            ),
          });
        else {
          queue.push(msg);
          if (!draining) void drain();
        }
      } else if (msg.type === 'done') {
        finish(parseResult(msg.result));
      }
    });
    // Host calls are answered one at a time, yielding to the event loop every few milliseconds, so a
    // flood of calls cannot hold the host (the time limit still fires), and none is answered once
    // the run has settled.
    const queue: Extract<WorkerToHost, { type: 'call' }>[] = [];
    let draining = false;
    const drain = async () => {
      draining = true;
      let sliceStart = Date.now();
      while (queue.length > 0 && !settled) {
        if (Date.now() - sliceStart > 8) {
          await new Promise((r) => setTimeout(r, 0));
          sliceStart = Date.now();
          continue;
        }
        const call = queue.shift()!;
        await answer(call.callId, call.fn, call.args);
      }
      if (settled) queue.length = 0;
      draining = false;
    };
    const answer = async (callId: string, fn: HostFunction, args: string) => {
      if (settled) return;
      let reply: HostToWorker;
      try {
        const impl = opts.host?.[fn];
        if (!impl) throw new Error(`${fn}() is not available here`);
        const parsed: unknown = JSON.parse(args);
        const value = await impl(...(Array.isArray(parsed) ? parsed : []));
        reply = { type: 'reply', callId, ok: true, value: JSON.stringify(value ?? null) };
      } catch (err) {
        reply = {
          type: 'reply',
          callId,
          ok: false,
          value: JSON.stringify(errorMessage(err)),
        };
      }
      if (!settled) worker.post(reply);
    };
    worker.post({ type: 'run', source: wrapCellSource(source), env: JSON.stringify(env) });
  });
}

function parseResult(text: string): CellOutput[] {
  if (text.length > SANDBOX_DEFAULTS.maxResultChars)
    return [
      {
        kind: 'error',
        name: 'OutputTooLarge',
        message: `The result is larger than ${SANDBOX_DEFAULTS.maxResultChars / 1e6} MB; return less.`,
      },
    ];
  try {
    const r = JSON.parse(text) as SandboxResult;
    if (r.ok) return r.outputs;
    return [{ kind: 'error', name: r.name, message: r.message }];
  } catch {
    return [
      { kind: 'error', name: 'SandboxError', message: 'The sandbox sent an unreadable result.' },
    ];
  }
}
