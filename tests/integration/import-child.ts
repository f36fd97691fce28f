// Child of the crash test: imports a file into a library as `quire import` does (same services, CLI
// mode) and prints every progress event as one JSON line, so the parent can kill it at a chosen step.
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';

const [dir, file] = process.argv.slice(2);
if (!dir || !file) throw new Error('usage: import-child <libraryDir> <file>');
const services = await createServices({ libraryDir: dir, mode: 'cli' });
const api = createClient(inProcessTransport(services.dispatch));
const r = await api.call(
  'import:run',
  { source: { kind: 'path', path: file } },
  { onProgress: (p) => process.stdout.write(JSON.stringify(p) + '\n') },
);
process.stdout.write(JSON.stringify({ phase: 'finished', done: r.imported, total: null }) + '\n');
await services.close();
process.exit(0);
