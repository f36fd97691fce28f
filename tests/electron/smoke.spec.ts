// Electron smoke tests: the packaged main, preload and renderer start and show the library, and the
// window keeps the security checklist (app:// origin, CSP header, navigation, popups, permissions).
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

/** The page globals the security test touches (this file compiles without the DOM library). */
type PageGlobal = {
  location: { href: string };
  open(url: string): unknown;
  navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } };
};

/** Starts Quire on a fresh library; the caller closes it. */
async function launch() {
  const library = await mkdtemp(path.join(tmpdir(), 'quire-electron-'));
  // A dev server URL left in the environment would load the wrong renderer.
  const env = { ...process.env, QUIRE_LIBRARY: library } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL;
  const app = await electron.launch({
    executablePath: runtime.found ? runtime.path : '',
    // The repo root: package.json's "main" points at out/main/main.js (run `npm run build` first).
    // Chromium refuses to run as root with its sandbox on, which CI containers often are.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env,
  });
  const close = async () => {
    await app.close();
    await rm(library, { recursive: true, force: true });
  };
  return { app, close };
}

test('the window opens on the library, with only window.quire exposed', async () => {
  if (!runtime.found) return;
  const { app, close } = await launch();
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
    await close();
  }
});

test('the window is app://quire under the CSP, and cannot leave, pop up or ask for permissions', async () => {
  if (!runtime.found) return;
  const { app, close } = await launch();
  try {
    const win = await app.firstWindow();
    await expect(win.locator('[data-testid=nav-library]')).toBeVisible({ timeout: 20_000 });
    expect(win.url()).toBe('app://quire/index.html');

    // Every app:// response carries the policy, frame-ancestors included (a meta tag cannot).
    const headers = await win.evaluate(async () => {
      const res = await fetch((globalThis as unknown as PageGlobal).location.href);
      return {
        csp: res.headers.get('content-security-policy') ?? '',
        nosniff: res.headers.get('x-content-type-options'),
      };
    });
    expect(headers.csp).toContain("object-src 'none'");
    expect(headers.csp).toContain("frame-ancestors 'none'");
    expect(headers.nosniff).toBe('nosniff');
    // Traversal out of out/renderer is refused by the handler.
    const escaped = await win.evaluate(async () => (await fetch('/..%2f..%2fpackage.json')).status);
    expect(escaped).toBe(400);

    // No popup window, whatever the URL (refused schemes do not even ask the user).
    const opened = await win.evaluate(
      () => (globalThis as unknown as PageGlobal).open('file:///etc/passwd') === null,
    );
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);

    // A navigation away from app:// is cancelled: the page stays where it was.
    await win.evaluate(() => {
      (globalThis as unknown as PageGlobal).location.href = 'file:///etc/passwd';
    });
    await expect(win.locator('[data-testid=nav-library]')).toBeVisible();
    expect(win.url()).toBe('app://quire/index.html');

    // Permissions: refused, except the sanitised clipboard write.
    const states = await win.evaluate(async () => {
      const q = (name: string) =>
        (globalThis as unknown as PageGlobal).navigator.permissions.query({ name }).then(
          (s) => s.state,
          () => 'unsupported',
        );
      return { geolocation: await q('geolocation'), notifications: await q('notifications') };
    });
    expect(states).toEqual({ geolocation: 'denied', notifications: 'denied' });

    // DevTools and their menu item exist only when running from source.
    const devTools = await app.evaluate(({ app: electronApp, Menu }) => {
      const roles: string[] = [];
      const walk = (items: Electron.MenuItem[]) => {
        for (const item of items) {
          roles.push(item.role ?? '');
          if (item.submenu) walk(item.submenu.items);
        }
      };
      walk(Menu.getApplicationMenu()?.items ?? []);
      return { packaged: electronApp.isPackaged, menu: roles.includes('toggledevtools') };
    });
    expect(devTools.menu).toBe(!devTools.packaged);
  } finally {
    await close();
  }
});
