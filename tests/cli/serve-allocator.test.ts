// `quire serve` holds the library open for hours, so it runs with glibc's allocator settings
// (scripts/allocator-env.mjs): bin/quire.mjs starts it again with them, and that server stops when
// the process that started it is killed outright, as a test harness or a crashed terminal does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV } from '../../scripts/allocator-env.mjs';
import { QUIRE_BIN } from '../support/quire-cli';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-serve-allocator-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(process.platform !== 'linux')('quire serve on Linux', () => {
  it(
    'serves from a process with the allocator settings, which stops when its starter is killed',
    { timeout: 120_000 },
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, QUIRE_LIBRARY: '' };
      for (const key of [...Object.keys(ALLOCATOR_ENV), 'QUIRE_MALLOC']) delete env[key];
      const starter = spawn(
        process.execPath,
        [QUIRE_BIN, 'serve', '--library', join(tmp, 'lib'), '--port', '0'],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        starter.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /running at (http:\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        starter.on('exit', (code) => reject(new Error(`quire serve exited with ${code}: ${out}`)));
      });
      const exited = new Promise<void>((resolve) => starter.on('exit', () => resolve()));

      // The server is the starter's one child, and glibc got the settings at its start.
      const [server] = readFileSync(`/proc/${starter.pid}/task/${starter.pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .map(Number);
      const environ = readFileSync(`/proc/${server}/environ`, 'utf8').split('\0');
      for (const [key, value] of Object.entries(ALLOCATOR_ENV))
        expect(environ).toContain(`${key}=${value}`);
      expect(await answers(url)).toBe(true);

      starter.kill('SIGKILL');
      await exited;
      let up = true;
      for (let i = 0; i < 300 && up; i++) {
        up = await answers(url);
        if (up) await new Promise((r) => setTimeout(r, 100));
      }
      expect(up).toBe(false);
    },
  );
});
