// Finds an Electron binary to run Quire with, or says why there is none (build machines have none).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the executable sits inside an Electron dist folder, per platform (as electron's path.txt says). */
const EXECUTABLE_IN_DIST = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * @typedef {{ found: true, path: string, source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'electron package' }
 *   | { found: false, reason: string }} ElectronLookup
 */

/**
 * Finds the Electron executable, trying in order:
 * 1. `ELECTRON_EXEC_PATH` (what electron-vite dev/preview uses),
 * 2. `ELECTRON_OVERRIDE_DIST_PATH` (electron's own hook, which Playwright honours too),
 * 3. the `electron` npm package (whose index throws when its postinstall download never ran).
 * A path counts only if the file exists, so a stale variable gives a reason instead of a crash later.
 *
 * @param {Record<string, string | undefined>} env  usually `process.env`
 * @param {{ platform?: NodeJS.Platform, requireElectron?: () => unknown }} [options]  seams for tests
 * @returns {ElectronLookup}
 */
export function findElectronBinary(env, options = {}) {
  const platform = options.platform ?? process.platform;
  const requireElectron =
    options.requireElectron ?? (() => createRequire(import.meta.url)('electron'));
  const reasons = [];

  if (env.ELECTRON_EXEC_PATH) {
    if (isFile(env.ELECTRON_EXEC_PATH)) {
      return { found: true, path: env.ELECTRON_EXEC_PATH, source: 'ELECTRON_EXEC_PATH' };
    }
    reasons.push(`ELECTRON_EXEC_PATH=${env.ELECTRON_EXEC_PATH} is not a file`);
  }

  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = path.join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      EXECUTABLE_IN_DIST[/** @type {'darwin' | 'win32'} */ (platform)] ?? 'electron',
    );
    if (isFile(exe)) return { found: true, path: exe, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    reasons.push(`ELECTRON_OVERRIDE_DIST_PATH has no ${exe}`);
  }

  try {
    const exe = requireElectron();
    if (typeof exe === 'string' && isFile(exe)) {
      return { found: true, path: exe, source: 'electron package' };
    }
    reasons.push(`the electron package points to a missing ${String(exe)}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reasons.push(
      /failed to install correctly/i.test(message)
        ? 'node_modules/electron has no binary: its download was skipped or failed'
        : `require('electron') failed: ${message.split('\n')[0]}`,
    );
  }
  return { found: false, reason: reasons.join('; ') };
}

/** @param {string} file */
function isFile(file) {
  try {
    return existsSync(file) && statSync(file).isFile();
  } catch {
    return false;
  }
}
