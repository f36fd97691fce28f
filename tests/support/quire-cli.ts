// Runs `quire` as users do: a child process through bin/quire.mjs on a given library folder, with
// QUIRE_LIBRARY cleared so the caller's own library is never touched.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared-data';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'quire.mjs');

/** What a run printed and its exit code. */
export type QuireRun = { code: number; stdout: string; stderr: string };

/** Runs `quire <args> --library <lib>`; a failing run answers its code instead of throwing. */
export async function runQuire(lib: string, args: string[]): Promise<QuireRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args, '--library', lib], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QUIRE_LIBRARY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as QuireRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `quire` and expects exit code 0 (the message shows stderr); answers stdout. */
export async function quireOk(lib: string, args: string[]): Promise<string> {
  const r = await runQuire(lib, args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
