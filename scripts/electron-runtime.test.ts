// Tests for findElectronBinary: each lookup source, its order, and the reasons given when none works.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-runtime.mjs';

let dir: string;
let exe: string;
const missing = () => {
  throw new Error('Electron failed to install correctly, please delete node_modules/electron');
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'quire-electron-'));
  exe = path.join(dir, 'electron');
  await writeFile(exe, '#!/bin/sh\n');
  await chmod(exe, 0o755);
  await mkdir(path.join(dir, 'Electron.app', 'Contents', 'MacOS'), { recursive: true });
  await writeFile(path.join(dir, 'Electron.app', 'Contents', 'MacOS', 'Electron'), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('takes ELECTRON_EXEC_PATH first', () => {
    const r = findElectronBinary(
      { ELECTRON_EXEC_PATH: exe, ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' },
      { requireElectron: missing },
    );
    expect(r).toEqual({ found: true, path: exe, source: 'ELECTRON_EXEC_PATH' });
  });

  it('finds the executable inside ELECTRON_OVERRIDE_DIST_PATH per platform', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dir };
    expect(findElectronBinary(env, { platform: 'linux', requireElectron: missing })).toEqual({
      found: true,
      path: exe,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
    const mac = findElectronBinary(env, { platform: 'darwin', requireElectron: missing });
    expect(mac.found && mac.path).toBe(path.join(dir, 'Electron.app/Contents/MacOS/Electron'));
  });

  it('falls back to the electron package when the variables point nowhere', () => {
    const r = findElectronBinary(
      { ELECTRON_EXEC_PATH: path.join(dir, 'gone') },
      { requireElectron: () => exe },
    );
    expect(r).toEqual({ found: true, path: exe, source: 'electron package' });
  });

  it('explains every failed source in one line when nothing is found', () => {
    const r = findElectronBinary(
      {
        ELECTRON_EXEC_PATH: path.join(dir, 'gone'),
        ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'x'),
      },
      { platform: 'linux', requireElectron: missing },
    );
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.reason).toContain('ELECTRON_EXEC_PATH=');
    expect(r.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH has no');
    expect(r.reason).toContain('node_modules/electron has no binary');
    expect(r.reason).not.toContain('\n');
  });

  it('rejects a package path that does not exist and a directory', () => {
    const r1 = findElectronBinary({}, { requireElectron: () => path.join(dir, 'gone') });
    expect(r1.found).toBe(false);
    const r2 = findElectronBinary({ ELECTRON_EXEC_PATH: dir }, { requireElectron: missing });
    expect(r2.found).toBe(false);
  });

  it('answers without throwing on this machine, with the real electron package', () => {
    const r = findElectronBinary({});
    expect(typeof r.found).toBe('boolean');
  });
});
