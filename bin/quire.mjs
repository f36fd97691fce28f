#!/usr/bin/env node
// `quire` CLI entry: runs the bundle out/cli/quire.mjs (made by `npm run build` and `npm install`)
// while it is newer than every source it was built from, else the TypeScript sources through tsx —
// always current, but ~4 s slower to start. QUIRE_FROM_SOURCE=1 forces the sources.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allocatorRestartEnv, runAgainWith } from '../scripts/allocator-env.mjs';
import { staleReason } from '../scripts/build-freshness.mjs';

// LanceDB reads these when its native module loads, which in the bundle comes before any of our
// code runs (services/lance-env.ts sets them for the sources): its full-text index build deadlocks on
// 2 cores with its default pool (environment.md), and it logs each object-store retry on stderr.
process.env.LANCE_CPU_THREADS ??= '4';
process.env.LANCEDB_LOG ??= 'error';

// The server holds the library open for hours: it runs with glibc's allocator settings
// (scripts/allocator-env.mjs; QUIRE_MALLOC picks them).
let restartEnv = null;
try {
  restartEnv = process.argv[2] === 'serve' ? allocatorRestartEnv() : null;
} catch (err) {
  process.stderr.write(`quire: ${err.message}\n`);
  process.exit(2);
}
if (restartEnv) await runAgainWith(restartEnv);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const stale =
  process.env.QUIRE_FROM_SOURCE === '1' ? 'QUIRE_FROM_SOURCE=1' : staleReason(out, 'cli', root);

if (stale === null) {
  await import(pathToFileURL(path.join(out, 'cli', 'quire.mjs')).href);
} else {
  // Only a person at a terminal is told; scripts reading stderr see the command's own output.
  if (process.stderr.isTTY && process.env.QUIRE_FROM_SOURCE !== '1')
    process.stderr.write(
      `quire: running from the sources (${stale}); \`npm run build\` starts faster\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/host/cli/run.ts');
}
