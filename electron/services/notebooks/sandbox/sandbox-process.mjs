// Notebook sandbox process: a child process per JavaScript cell run that holds the sandbox worker
// thread (./sandbox-worker.mjs) and watches the process's memory. Why a process, not just a worker:
// measured on Node 20, `new Array(1.5e8).fill(1.5)` in a worker limited to 128 MB aborts the WHOLE
// process (V8 "CALL_AND_RETRY_LAST … heap out of memory", exit 134) — the heap limit only ends a
// worker when V8 can stop it, and a C++ builtin filling a huge array cannot be stopped; and V8's
// heap limit does not count ArrayBuffers (three filled 100 MB Uint8Arrays passed a 128 MB limit).
// Here an abort kills only this process, and this thread, free while the worker runs the cell,
// samples the RSS every 20 ms and ends the run once it grew past the limit (typed arrays included).
// Plain ESM so node, tsx, vitest and the Electron build start it as is. Protocol: process IPC (or,
// in the Electron app, a utility process's parentPort: ./child-launcher.ts) carries the sandbox
// messages (shared/notebook/sandbox/protocol.ts) both ways, plus {type:'exit'} from here.
import { Worker } from 'node:worker_threads';

/** The channel to the host: Electron's utility-process port, or Node's process IPC. */
const port = process.parentPort;
const channel = port
  ? {
      connected: () => true,
      send: (msg, done) => {
        port.postMessage(msg);
        done?.();
      },
      on: (cb) => port.on('message', (e) => cb(e.data)),
      once: (cb) => port.once('message', (e) => cb(e.data)),
    }
  : {
      connected: () => process.connected,
      send: (msg, done) => process.send(msg, done),
      on: (cb) => process.on('message', cb),
      once: (cb) => process.once('message', cb),
    };

/** RSS beyond the heap limit a cell may use before it is stopped: young generation, code, stacks. */
const MARGIN_MB = 48;
const SAMPLE_MS = 20;

function report(msg) {
  if (channel.connected()) channel.send(msg, () => process.exit(0));
  else process.exit(0);
}

channel.once((init) => {
  const memoryMb = Number(init?.memoryMb) || 128;
  const worker = new Worker(new URL('./sandbox-worker.mjs', import.meta.url), {
    workerData: { prelude: String(init?.prelude) },
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
  const baseline = process.memoryUsage.rss();
  const budget = (memoryMb + MARGIN_MB) * 2 ** 20;
  let over = false;
  setInterval(() => {
    if (over || process.memoryUsage.rss() - baseline <= budget) return;
    over = true;
    void worker.terminate();
    report({ type: 'exit', kind: 'out-of-memory', message: 'memory' });
  }, SAMPLE_MS);
  worker.on('message', (m) => {
    if (!over && channel.connected()) channel.send(m);
  });
  channel.on((m) => worker.postMessage(m));
  worker.on('error', (err) =>
    report({
      type: 'exit',
      kind: err?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed',
      message: `The sandbox failed: ${err?.message}`,
    }),
  );
  worker.on('exit', (code) =>
    report({
      type: 'exit',
      kind: 'crashed',
      message: `The sandbox stopped unexpectedly (exit code ${code}).`,
    }),
  );
});
// The host went away (killed, crashed): nothing may outlive it. (A utility process ends with its app.)
process.on('disconnect', () => process.exit(0));
