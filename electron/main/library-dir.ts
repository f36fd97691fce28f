// Where the library lives: QUIRE_LIBRARY, then `--library DIR`, then a folder in the user's app data.
import path from 'node:path';
import { isRemoteLibrary } from '@shared/library-uri';

/** Reads `--library DIR` or `--library=DIR` from argv; the last one wins, as with most CLIs. */
export function libraryArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--library' && i + 1 < argv.length) found = argv[++i];
    else if (arg?.startsWith('--library=')) found = arg.slice('--library='.length);
  }
  return found || undefined;
}

/**
 * The library folder for this run, as an absolute path.
 * `userDataDir` comes from `app.getPath('userData')`: only electron/main asks Electron for paths.
 */
export function resolveLibraryDir(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  userDataDir: string,
  cwd: string = process.cwd(),
): string {
  const chosen = env.QUIRE_LIBRARY || libraryArg(argv);
  if (chosen && isRemoteLibrary(chosen)) return chosen;
  return chosen ? path.resolve(cwd, chosen) : path.join(userDataDir, 'library');
}
