// The host's allocator settings: when a process must start again with them, and that the process
// started again has them, passes signals and its exit code back, and never outlives its starter.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, allocatorRestartEnv } from './allocator-env.mjs';

describe('allocatorRestartEnv', () => {
  it('asks a Linux process without the settings to start again with one arena', () => {
    expect(allocatorRestartEnv({ PATH: '/bin' }, 'linux')).toEqual({
      PATH: '/bin',
      MALLOC_ARENA_MAX: '1',
    });
  });

  it('QUIRE_MALLOC=lean adds the thresholds, keeping what the user set', () => {
    const env = allocatorRestartEnv({ QUIRE_MALLOC: 'lean', MALLOC_ARENA_MAX: '2' }, 'linux');
    expect(env).toEqual({
      QUIRE_MALLOC: 'lean',
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      MALLOC_TRIM_THRESHOLD_: '131072',
    });
    expect(allocatorRestartEnv({ ...env }, 'linux')).toBeNull();
  });

  it('names the choices when QUIRE_MALLOC is none of them', () => {
    expect(() => allocatorRestartEnv({ QUIRE_MALLOC: 'small' }, 'linux')).toThrow(
      'QUIRE_MALLOC must be arena, lean or default, not "small"',
    );
  });

  it('asks nothing once they are set, off Linux, or when QUIRE_MALLOC=default opts out', () => {
    expect(allocatorRestartEnv({ ...ALLOCATOR_ENV }, 'linux')).toBeNull();
    expect(allocatorRestartEnv({}, 'darwin')).toBeNull();
    expect(allocatorRestartEnv({}, 'win32')).toBeNull();
    expect(allocatorRestartEnv({ QUIRE_MALLOC: 'default' }, 'linux')).toBeNull();
  });
});

let dir: string;
let probe: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-allocator-'));
  probe = path.join(dir, 'probe.mjs');
  // Like bin/quire.mjs serve: starts again with the settings, then runs until stopped.
  const helpers = pathToFileURL(path.resolve(import.meta.dirname, 'allocator-env.mjs')).href;
  await writeFile(
    probe,
    `import { allocatorRestartEnv, runAgainWith } from ${JSON.stringify(helpers)};
const env = allocatorRestartEnv(process.env, 'linux');
if (env) await runAgainWith(env);
process.on('SIGTERM', () => process.exit(7));
if (process.connected) process.once('disconnect', () => process.exit(0));
process.stdout.write(\`ready \${process.pid} \${process.env.MALLOC_ARENA_MAX}\\n\`);
setInterval(() => {}, 1000);
`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start() {
  const env = { ...process.env };
  for (const key of [...Object.keys(ALLOCATOR_ENV), 'QUIRE_MALLOC']) delete env[key];
  const child = spawn(process.execPath, [probe], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<{ pid: number; arenas: string }>((resolve) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready (\d+) (\S+)/.exec(out);
      if (m) resolve({ pid: Number(m[1]), arenas: m[2]! });
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

/** Running: a process that exited but is not yet reaped (a zombie, "Z" in /proc) is not. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

// /proc tells a zombie from a running process; the settings are for glibc only.
describe.skipIf(process.platform !== 'linux')('runAgainWith', () => {
  it('runs the command again with the settings, passing SIGTERM on and its exit code back', async () => {
    const { child, ready, exited } = start();
    const { pid, arenas } = await ready;
    expect(pid).not.toBe(child.pid);
    expect(arenas).toBe('1');
    child.kill('SIGTERM');
    expect(await exited).toBe(7);
    expect(await gone(pid)).toBe(true);
  });

  it('the process started again stops when its starter is killed outright', async () => {
    const { child, ready, exited } = start();
    const { pid } = await ready;
    child.kill('SIGKILL');
    await exited;
    expect(await gone(pid)).toBe(true);
  });
});
