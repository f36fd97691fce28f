#!/usr/bin/env node
// `quire` CLI entry: runs the TypeScript sources through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { buildProgram } = await import('../electron/host/cli/main.ts');
await buildProgram().parseAsync(process.argv);
