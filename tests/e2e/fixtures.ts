// Playwright fixtures: a `quire serve` child process over a fresh temp library, and screenshot helpers.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FEED = resolve(ROOT, '../shared/corpus/paper-feed.txt');
export const SAMPLE_BIB = resolve(ROOT, 'tests/e2e/fixtures/sample.bib');
const SHOTS = resolve(ROOT, 'test-results/screenshots');

export type QuireServer = {
  /** The printed URL, with `?token=`. */
  url: string;
  /** Origin without the token, e.g. http://127.0.0.1:43121 */
  origin: string;
  library: string;
};

const URL_LINE = /Quire is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/;

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`quire serve printed no URL within ${timeoutMs} ms.\n${out}\n${err}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = URL_LINE.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`quire serve exited with ${code} before printing its URL.\n${out}\n${err}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ quire: QuireServer }>({
  // eslint-disable-next-line no-empty-pattern
  quire: async ({}, use) => {
    if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` (or `npm run test:e2e`).');
    }
    const library = await mkdtemp(join(tmpdir(), 'quire-e2e-'));
    const child = spawn(
      process.execPath,
      ['bin/quire.mjs', 'serve', '--library', library, '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      // Generous: under tsx on a loaded 2-core machine (load 25) start-up took 23–35 s.
      const url = await waitForUrl(child, 90_000);
      await use({ url, origin: new URL(url).origin, library });
    } finally {
      await stop(child);
      await rm(library, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Saves `<name>-light.png` and `<name>-dark.png` under test-results/screenshots. */
export async function shootBothThemes(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    // Let transitions and the virtualiser's measuring settle before the picture.
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Imports a file through the UI and returns once the summary is shown. */
export async function importFile(
  page: Page,
  file: string,
  expectNew: number,
  shot?: string,
): Promise<void> {
  await page.getByTestId('import-button').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await page.getByTestId('import-preview-button').click();
  await expect(page.getByTestId('preview-new')).toHaveText(String(expectNew));
  if (shot) await shootBothThemes(page, shot);
  await page.getByTestId('import-run-button').click();
  await expect(page.getByTestId('import-summary')).toContainText(
    `Imported ${expectNew} ${expectNew === 1 ? 'paper' : 'papers'}`,
  );
}
