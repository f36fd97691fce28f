// Electron smoke test: the packaged main, preload and renderer start and show the library.
// Runs wherever an Electron binary exists (set ELECTRON_OVERRIDE_DIST_PATH); skips with a reason elsewhere.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = findElectronBinary(process.env);

test.skip(!runtime.found, 'no Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run)');

test('the window opens on the library, with only window.quire exposed', async () => {
  if (!runtime.found) return;
  const library = await mkdtemp(path.join(tmpdir(), 'quire-electron-'));
  // A dev server URL left in the environment would load the wrong renderer.
  const env = { ...process.env, QUIRE_LIBRARY: library } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL;
  const app = await electron.launch({
    executablePath: runtime.path,
    // The repo root: package.json's "main" points at out/main/main.js (run `npm run build` first).
    // Chromium refuses to run as root with its sandbox on, which CI containers often are.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env,
  });
  try {
    const win = await app.firstWindow();
    await expect(win.locator('[data-testid=nav-library]')).toBeVisible({ timeout: 20_000 });
    expect(await win.title()).toMatch(/Quire/);

    const exposed = await win.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      const quire = w.quire as Record<string, unknown> | undefined;
      return {
        require: typeof w.require,
        process: typeof w.process,
        quire: quire ? Object.keys(quire).sort() : null,
      };
    });
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      quire: ['cancel', 'invoke', 'onCommand', 'onProgress'],
    });

    const info = await app.evaluate(({ app: electronApp }) => electronApp.getName());
    expect(info).toBe('Quire');
  } finally {
    await app.close();
    await rm(library, { recursive: true, force: true });
  }
});
