// The `quire` process: parses the command line, runs the command, then exits. The entry of the
// bundle out/cli/quire.mjs, and of bin/quire.mjs when it runs the TypeScript sources.
import { buildProgram } from './main';

await buildProgram().parseAsync(process.argv);
// Commands have closed their library by now; exit once output is flushed rather than wait for native
// threads (LanceDB, onnxruntime) to wind down. `serve` never gets here: it runs until stopped.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(process.exitCode ?? 0);
