// Test support: a stand-in for Electron's `utilityProcess` (no Electron binary here) whose fork runs
// the real script in a Node child with `process.parentPort` (./parent-port-shim.mjs), speaking the
// same structured-clone messages. `forks` records what the app asked for.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHIM = resolve(dirname(fileURLToPath(import.meta.url)), 'parent-port-shim.mjs');

export const forks: { script: string; options: Record<string, unknown> }[] = [];

class UtilityProcess extends EventEmitter {
  private readonly child: ChildProcess;
  constructor(script: string) {
    super();
    this.child = fork(SHIM, [script], {
      execArgv: [],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    this.child.on('message', (m) => this.emit('message', m));
    this.child.on('exit', (code) => this.emit('exit', code ?? 1));
  }
  postMessage(msg: unknown): void {
    if (this.child.connected) this.child.send(msg as never);
  }
  kill(): boolean {
    return this.child.kill('SIGKILL');
  }
}

export const utilityProcess = {
  fork: (script: string, _args: string[], options: Record<string, unknown>) => {
    forks.push({ script, options });
    return new UtilityProcess(script);
  },
};
