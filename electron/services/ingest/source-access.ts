// Who may import a file by path: the local process (CLI, tests) anywhere; remote callers (browser-mode
// HTTP, Electron IPC) only inside the folders the user listed in QUIRE_IMPORT_DIRS. Without this, any
// holder of the browser-mode token, or a compromised renderer, could read any text file through
// `import:preview` (e.g. /etc/passwd as "feed" lines).
import { realpath } from 'node:fs/promises';
import { delimiter, isAbsolute, resolve, sep } from 'node:path';
import type { Caller } from '@shared/api/contract';
import { QuireError } from '@shared/api/errors';

/** Environment variable with the folders remote callers may import from, separated by `:` (`;` on Windows). */
export const IMPORT_DIRS_ENV = 'QUIRE_IMPORT_DIRS';

/** The allowlisted folders from an environment value: absolute paths only, empty entries ignored. */
export function importDirsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(delimiter)
    .map((d) => d.trim())
    .filter((d) => d && isAbsolute(d))
    .map((d) => resolve(d));
}

async function real(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

/**
 * Throws `unauthorized` unless `caller` may read `path`. Links are resolved first, so a symlink
 * inside an allowed folder cannot point outside it. Returns the path to read.
 */
export async function checkPathAccess(
  path: string,
  caller: Caller | undefined,
  allowedDirs: readonly string[],
): Promise<string> {
  if (caller === 'local') return path;
  const refuse = (): never => {
    throw new QuireError(
      'unauthorized',
      `Importing a file by path is allowed only from the command line or from a folder listed in ${IMPORT_DIRS_ENV}; upload the file instead.`,
    );
  };
  if (!isAbsolute(path) || allowedDirs.length === 0) return refuse();
  const target = await real(path);
  if (target === null) return refuse(); // existence of files outside the folders is not revealed
  for (const dir of allowedDirs) {
    const root = await real(dir);
    if (root && (target === root || target.startsWith(root.endsWith(sep) ? root : root + sep)))
      return target;
  }
  return refuse();
}
