// How a sandbox process is started: the seam between the notebook sandbox and its host. Plain Node
// (CLI, browser mode, tests) forks a child process; the Electron app passes a launcher built on
// `utilityProcess.fork` (electron/main/utility-launcher.ts), because the RunAsNode fuse is off in
// packaged builds (electron-builder.yml), so the app binary cannot be run as Node with
// ELECTRON_RUN_AS_NODE. Both speak the same structured-clone messages to sandbox-process.mjs.
import { fork } from 'node:child_process';

export type ChildHandle = {
  send(msg: unknown): void;
  onMessage(cb: (msg: unknown) => void): void;
  /** `signal` is null where the platform reports only an exit code (Electron utility processes). */
  onExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  onError(cb: (err: Error) => void): void;
  kill(): void;
};

/** Starts `script` (an ES module path) as a separate process. */
export type ChildLauncher = (script: string) => ChildHandle;

/** Node's child_process.fork, with an empty environment and none of the host's flags. */
export const forkLauncher: ChildLauncher = (script) => {
  const child = fork(script, [], {
    // Not the host's flags (vitest's, tsx's loader), and an empty environment: nothing of ours.
    execArgv: [],
    env: {},
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (msg) => {
      if (child.connected) child.send(msg as never);
    },
    onMessage: (cb) => child.on('message', cb),
    onExit: (cb) => child.on('exit', cb),
    onError: (cb) => child.on('error', cb),
    kill: () => child.kill('SIGKILL'),
  };
};
