// Starts the TypeScript map worker from the sources (CLI, tests, dev): registers tsx in this worker
// thread, whose loader a worker's `execArgv: ['--import', 'tsx']` does not reach on Node 20.
import { register } from 'tsx/esm/api';

register();
await import('./map-worker.ts');
