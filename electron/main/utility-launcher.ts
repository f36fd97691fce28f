// Notebook sandbox processes in the Electron app: Electron's utilityProcess instead of
// child_process.fork, because the RunAsNode fuse is off in packaged builds (electron-builder.yml), so
// the app binary cannot be started as Node. sandbox-process.mjs talks over `process.parentPort` here.
import { utilityProcess } from 'electron';
import type { ChildLauncher } from '../services/notebooks/sandbox/child-launcher';

export const utilityLauncher: ChildLauncher = (script) => {
  const child = utilityProcess.fork(script, [], {
    serviceName: 'Quire notebook sandbox',
    stdio: 'ignore',
    // Nothing of the app's environment reaches a cell.
    env: {},
  });
  return {
    send: (msg) => child.postMessage(msg),
    onMessage: (cb) => child.on('message', cb),
    // A utility process reports only its exit code.
    onExit: (cb) => child.on('exit', (code) => cb(code, null)),
    onError: (cb) => child.on('error', (type, location) => cb(new Error(`${type} at ${location}`))),
    kill: () => void child.kill(),
  };
};
