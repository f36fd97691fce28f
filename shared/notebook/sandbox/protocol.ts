// Sandbox protocol: the messages between a sandbox host (service, CLI, renderer) and the worker
// that runs one JavaScript cell. Only strings, numbers and plain records cross, in both directions,
// so the same protocol serves Node worker_threads and browser Web Workers (structured clone).
import type { CellOutput } from '../model';
import type { TableData } from '../tables';

export const SANDBOX_DEFAULTS = {
  /** Wall-clock limit for one cell, from start to result. */
  timeoutMs: 5_000,
  /** V8 old-generation heap of the worker (Node runner; browsers have no such knob). */
  memoryMb: 128,
  /**
   * Console lines kept per run; further lines are counted, not kept. With the note and the result
   * or error, a run's outputs stay within NOTEBOOK_LIMITS.outputsPerCell (1,000).
   */
  maxConsoleLines: 997,
  /** Host calls (search, papers, fit) waiting for an answer; more are refused at once. */
  maxQueuedCalls: 1_000,
  /** Characters of the serialized result. */
  maxResultChars: 5_000_000,
} as const;

export const TIMEOUT_MESSAGE = (ms: number) =>
  `Stopped after ${Math.round(ms / 1000)} s: the cell did not finish (infinite loop?)`;
export const MEMORY_MESSAGE = (mb: number) =>
  `Stopped: the cell ran out of memory (limit ${mb} MB, typed arrays included).`;

/** Data the cell can read synchronously, keyed by cell id and by name. */
export type SandboxEnv = {
  tables: Record<string, TableData>;
  /** The value of each computed cell's first output (json value, text, or table rows). */
  outputs: Record<string, unknown>;
};

/** Host functions a cell reaches by message round-trip (async inside the cell). */
export type HostFunction = 'search' | 'papers' | 'fit';

export type HostToWorker =
  | { type: 'run'; source: string; env: string }
  | { type: 'reply'; callId: string; ok: boolean; value: string };

export type WorkerToHost =
  | { type: 'console'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'call'; callId: string; fn: HostFunction; args: string }
  /** `result` is the JSON of a SandboxResult, built inside the sandbox. */
  | { type: 'done'; result: string };

export type SandboxResult =
  { ok: true; outputs: CellOutput[] } | { ok: false; name: string; message: string };
