// Atomic file writes: temp file in the same folder, fsync, rename — a crash leaves the old or the new file.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeChunksAtomic(path, [data]);
}

/**
 * The same, for data too large to hold at once (the search terms' snapshot): `chunks` are written in
 * turn, each awaited before the next is asked for.
 */
export async function writeChunksAtomic(
  path: string,
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    try {
      for await (const chunk of chunks) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // fsync the folder so the rename itself survives a power cut (not supported on Windows).
  if (process.platform !== 'win32') {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

/** Removes temp files of atomic writes to `path` that never finished (a killed process), past `ageMs`. */
export async function removeStaleTemps(path: string, ageMs: number): Promise<void> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const temp = join(dir, name);
    const modified = (await stat(temp).catch(() => undefined))?.mtimeMs ?? Date.now();
    if (Date.now() - modified > ageMs) await rm(temp, { force: true });
  }
}
