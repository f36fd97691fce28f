// The `quire` CLI as users run it, for tests: a child Node process through bin/quire.mjs (or a
// given entry, e.g. a freshly built bundle), never reading a library from the environment.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared-data';

const run = promisify(execFile);

export const QUIRE_BIN = join(REPO_ROOT, 'bin', 'quire.mjs');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `quire <args>` to its end; a failing exit is an answer (its code and output), not a throw. */
export async function runQuire(args: string[], bin = QUIRE_BIN): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QUIRE_LIBRARY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs `quire <args>`, expects exit code 0 (showing stderr when not) and answers stdout. */
export async function quireOk(args: string[], bin = QUIRE_BIN): Promise<string> {
  const r = await runQuire(args, bin);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
