// One way to run a Node child that stands in for this process: `npm start` runs electron-vite and
// the build through it, `quire serve` runs itself again with the allocator settings through it.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `node ...args` with stdio shared and resolves with its exit code: a child killed by a signal
 * gives 128 + its number, as a shell reports it; a child that cannot start gives 1 after `label`'s
 * message. SIGINT, SIGTERM and SIGHUP sent to this process reach the child (Ctrl+C reaches it through
 * the process group too; forwarding covers `kill <pid>`). With `ipc`, the child gets an IPC channel,
 * which closes when this process ends however it ends, even by SIGKILL.
 */
export function runNode(args, { cwd, env = process.env, ipc = false, label = 'node' } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
  const forward = (signal) => child.exitCode === null && child.kill(signal);
  for (const s of SIGNALS) process.on(s, forward);
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`${label}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code ?? 128 + ((signal && constants.signals[signal]) || 1));
    });
  });
}
