// Starts a TypeScript worker script in the sources (CLI, vitest, `quire serve`): registers tsx's
// loader in this worker thread, then imports the script named in workerData. Needed because Node 20
// does not apply `--import tsx` given in a Worker's execArgv (measured: "Unknown file extension .ts").
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.tsxEntry);
