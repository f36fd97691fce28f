// `npm start`: runs the Electron app when a runtime exists, else builds and starts browser mode instead.
// Usage: npm start [-- --dev] [-- --library DIR ...]; extra arguments reach the app (or `quire serve`).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allocatorRestartEnv } from './allocator-env.mjs';
import { staleReason } from './build-freshness.mjs';
import { findElectronBinary } from './electron-runtime.mjs';
import { runNode } from './run-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The bin is not in electron-vite's "exports"; its package.json is, and locates the package.
const electronVite = path.join(
  path.dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const rest = args.filter((a) => a !== '--dev');

/** Runs `node <script> ...args` in the repo with inherited stdio; resolves with its exit code. */
function run(script, scriptArgs, env = process.env) {
  return runNode([script, ...scriptArgs], {
    cwd: root,
    env,
    label: `Quire: could not start ${path.basename(script)}`,
  });
}

const electron = findElectronBinary(process.env);
let code;
if (electron.found) {
  // electron-vite forwards what follows `--` to Electron, e.g. --library DIR.
  // The app holds the library open: glibc's allocator settings (allocator-env.mjs; QUIRE_MALLOC
  // picks them) from its start.
  let env;
  try {
    env = allocatorRestartEnv() ?? process.env;
  } catch (err) {
    console.error(`Quire: ${err.message}`);
    process.exit(2);
  }
  code = await run(electronVite, [dev ? 'dev' : 'preview', '--', ...rest], {
    ...env,
    ELECTRON_EXEC_PATH: electron.path,
  });
} else {
  console.log(
    `Quire: the Electron runtime is not installed here (${electron.reason}); starting browser mode instead.`,
  );
  // Build only when a source of the renderer or the CLI bundle changed since the last build (the
  // builds record their sources): a rebuild takes 6–13 s here, the check a few milliseconds.
  const out = path.join(root, 'out');
  const stale = staleReason(out, 'renderer', root) ?? staleReason(out, 'cli', root);
  code = 0;
  if (stale) {
    console.log(`Quire: building first (${stale}).`);
    code = await run(electronVite, ['build', '--logLevel', 'warn']);
  }
  if (code === 0) {
    // `quire serve` in this process rather than a child: one Node start-up less before the URL
    // (bench/startup). It runs until stopped and exits itself, on SIGINT/SIGTERM too.
    process.argv = [process.execPath, path.join(root, 'bin', 'quire.mjs'), 'serve', ...rest];
    await import(pathToFileURL(process.argv[1]).href);
  }
}
process.exit(code);
