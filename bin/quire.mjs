#!/usr/bin/env node
// `quire` CLI entry: runs the TypeScript sources through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { buildProgram } = await import('../electron/host/cli/main.ts');
await buildProgram().parseAsync(process.argv);
// Commands have closed their library by now; exit once output is flushed rather than wait for native
// threads (LanceDB, onnxruntime) to wind down. `serve` never gets here: it runs until stopped.
await new Promise((resolve) => process.stdout.write('', resolve));
process.exit(process.exitCode ?? 0);
