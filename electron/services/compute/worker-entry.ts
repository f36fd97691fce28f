// Where a TypeScript worker's script is and how to start it: beside the bundle in a build
// (out/main/<name>.mjs, from app.asar.unpacked when packaged), or the .ts source through tsx's loader
// in the sources (CLI, vitest, `quire serve`), started by ./tsx-bootstrap.mjs, which registers tsx in
// the worker first (Node 20 ignores `--import tsx` in a Worker's execArgv).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `workerData` to merge into the worker's own (names the .ts script for the bootstrap). */
export type WorkerEntry = { file: string; workerData: { tsxEntry?: string } };

/** `name` without extension; `here` is the caller's `import.meta.url`. */
export function workerEntry(name: string, here: string): WorkerEntry {
  const dir = dirname(fileURLToPath(here));
  const built = join(dir, `${name}.mjs`);
  // Packaged: out/main sits in app.asar, and worker threads start from real files (asarUnpack).
  if (existsSync(built))
    return { file: built.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'), workerData: {} };
  const source = join(dir, `${name}.ts`);
  const bootstrap = fileURLToPath(new URL('./tsx-bootstrap.mjs', import.meta.url));
  if (existsSync(source) && existsSync(bootstrap))
    return { file: bootstrap, workerData: { tsxEntry: pathToFileURL(source).href } };
  throw new Error(`${name}: neither ${built} nor ${source} exists`);
}
