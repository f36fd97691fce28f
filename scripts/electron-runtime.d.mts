// Types of electron-runtime.mjs, for the TypeScript tests and specs that import it.

export type ElectronLookup =
  | {
      found: true;
      path: string;
      source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'electron package';
    }
  | { found: false; reason: string };

/** Finds the Electron executable (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, the electron package). */
export function findElectronBinary(
  env: Record<string, string | undefined>,
  options?: { platform?: NodeJS.Platform; requireElectron?: () => unknown },
): ElectronLookup;
