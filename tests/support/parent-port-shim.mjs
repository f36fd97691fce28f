// Test support: runs an ES module as Electron would in a utility process, with `process.parentPort`
// (postMessage / on('message', e => e.data)) over Node's process IPC. Like Electron's port, messages
// that arrive before the script listens are queued, not lost. Used by
// electron/main/utility-launcher.test.ts, where no Electron binary exists.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const queued = [];
const port = new EventEmitter();
port.postMessage = (msg) => process.send(msg);
port.on('newListener', (event) => {
  if (event !== 'message') return;
  // Deliver what waited once the listener is attached.
  setImmediate(() => {
    while (queued.length > 0 && port.listenerCount('message') > 0)
      port.emit('message', { data: queued.shift() });
  });
});
process.on('message', (data) => {
  if (port.listenerCount('message') > 0) port.emit('message', { data });
  else queued.push(data);
});
process.parentPort = port;
await import(pathToFileURL(process.argv[2]).href);
