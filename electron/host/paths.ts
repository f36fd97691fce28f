// Where the library lives when nobody says: the same folder Electron's app.getPath('userData') gives
// for "Quire", so the desktop app, browser mode and the CLI share one library by default.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isRemoteLibrary } from '@shared/library-uri';

export function defaultLibraryDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Quire', 'library');
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Quire', 'library');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Quire', 'library');
}

/**
 * `--library DIR` beats `QUIRE_LIBRARY`, which beats the OS default. A library on an object store
 * (`s3://bucket/prefix`) is kept as named.
 */
export function resolveLibraryDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const chosen = flag ?? env.QUIRE_LIBRARY ?? defaultLibraryDir(env);
  return isRemoteLibrary(chosen) ? chosen : resolve(chosen);
}
