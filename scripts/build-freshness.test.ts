// build-freshness.mjs on real files: a build is fresh until one of its recorded sources is modified
// or removed after the build started; no record means "not built".
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason, writeRecord } from './build-freshness.mjs';

const root = mkdtempSync(join(tmpdir(), 'quire-freshness-'));
const out = join(root, 'out');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file whose modification time is `secondsAgo` before now. */
function file(rel: string, secondsAgo: number): string {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, rel);
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(path, t, t);
  return path;
}

describe('build freshness', () => {
  it('is "not built" without a record', () => {
    expect(staleReason(out, 'cli', root)).toBe('cli is not built');
  });

  it('is fresh until a recorded source changes or goes away', () => {
    const a = file('src/a.ts', 60);
    const b = file('src/b.ts', 60);
    const dep = file('node_modules/pkg/index.js', 0);
    writeRecord(out, 'cli', { root, startedAt: Date.now() - 30_000, files: [a, b, dep, a] });
    // node_modules is left out (npm's postinstall rebuilds), so a newer dependency file is fine.
    expect(staleReason(out, 'cli', root)).toBeNull();
    file('src/b.ts', 0);
    expect(staleReason(out, 'cli', root)).toBe('src/b.ts changed since the build');
    writeRecord(out, 'cli', { root, startedAt: Date.now() + 1000, files: [a, b] });
    expect(staleReason(out, 'cli', root)).toBeNull();
    rmSync(a);
    expect(staleReason(out, 'cli', root)).toBe('src/a.ts is gone');
  });

  it('calls an unreadable record stale', () => {
    mkdirSync(join(out, '.build'), { recursive: true });
    writeFileSync(join(out, '.build', 'renderer.json'), '{"files": 3}');
    expect(staleReason(out, 'renderer', root)).toBe("renderer's build record is unreadable");
  });
});
