// The exported HTML fits its page (issue 14, item 6): rendered in Chromium at a desktop, a tablet and
// a phone width, no element sticks out past the page's right edge (a wide table or display formula
// may scroll inside its own box, the page never scrolls sideways), and long lines — status lines,
// code, links — wrap instead of scrolling. Needs no server: the export is set as the page content.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const HELPER = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'export-notebook-html.ts');

type Layout = {
  pageWidth: number;
  scrollWidth: number;
  /** Elements reaching past the page edge (outside any box that scrolls them). */
  outside: string[];
  /** Preformatted blocks (status lines, code) whose text scrolls instead of wrapping. */
  unwrapped: string[];
};

/** Runs in the page (a string: the node typecheck has no DOM types). */
const MEASURE = `(() => {
  const pageWidth = document.documentElement.clientWidth;
  const name = (el) =>
    el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '');
  const scrolls = (el) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    let box = el.parentElement;
    while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
    if (box && box !== document.body) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > pageWidth + 0.5 || r.left < -0.5))
      outside.push(name(el) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
  }
  const unwrapped = [...document.querySelectorAll('pre')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => name(el) + ': ' + (el.textContent || '').slice(0, 60));
  return {
    pageWidth,
    scrollWidth: document.documentElement.scrollWidth,
    outside: outside.slice(0, 10),
    unwrapped,
  };
})()`;

test('the exported notebook fits the page at 1360, 768 and 390 px, long lines wrapped', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'quire-export-html-'));
  const file = join(dir, 'notebook.html');
  execFileSync(process.execPath, ['--import', 'tsx', HELPER, file], { timeout: 120_000 });
  const html = readFileSync(file, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  for (const width of [1360, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html);
    const layout = (await page.evaluate(MEASURE)) as Layout;
    expect(layout.outside, `at ${width} px, elements past the page edge`).toEqual([]);
    expect(
      layout.scrollWidth,
      `at ${width} px, the page does not scroll sideways`,
    ).toBeLessThanOrEqual(layout.pageWidth);
    expect(layout.unwrapped, `at ${width} px, long lines wrap`).toEqual([]);
  }
  // The long status line is there and wrapped over several lines, not cut.
  const status = page.locator('pre.console', { hasText: 'status: converged after 37 iterations' });
  await expect(status).toBeVisible();
  const box = await status.boundingBox();
  expect(box!.height).toBeGreaterThan(100);
});
