// Atomic save under SIGKILL: a child process saves a ~2 MB notebook in a loop, alternating two
// versions; it is killed at 20 random moments; each time the file must parse and equal one of
// the two versions exactly (no torn write).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { decodeNotebook, encodeNotebook, NOTEBOOK_EXTENSION } from '@shared/notebook/file-format';
import { bigVersion } from './big-notebook';

const dir = mkdtempSync(join(tmpdir(), 'quire-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./save-loop-child.ts', import.meta.url));

function runUntilKilled(delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => p.kill('SIGKILL'), delayMs);
    });
    p.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

it(
  'leaves the old or the new version after SIGKILL, never a torn file',
  { timeout: 300_000 },
  async () => {
    const texts = { A: encodeNotebook(bigVersion('A')), B: encodeNotebook(bigVersion('B')) };
    const file = join(dir, `big${NOTEBOOK_EXTENSION}`);
    const seen = { A: 0, B: 0 };
    let torn = 0;
    const kills = 20;
    for (let i = 0; i < kills; i++) {
      await runUntilKilled(Math.floor(Math.random() * 400));
      const text = readFileSync(file, 'utf8');
      if (text === texts.A) seen.A++;
      else if (text === texts.B) seen.B++;
      else torn++;
      expect(() => decodeNotebook(text)).not.toThrow();
    }
    const leftovers = readdirSync(dir).filter((n) => n.endsWith('.tmp')).length;
    console.log(
      `atomic save under SIGKILL: kills=${kills} sizeA=${(texts.A.length / 2 ** 20).toFixed(2)}MB sizeB=${(texts.B.length / 2 ** 20).toFixed(2)}MB versionA=${seen.A} versionB=${seen.B} torn=${torn} tempFilesLeft=${leftovers}`,
    );
    expect(torn).toBe(0);
    expect(seen.A + seen.B).toBe(kills);
  },
);
