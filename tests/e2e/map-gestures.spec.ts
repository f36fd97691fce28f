// Map pan and zoom gestures (browser mode): while the pointer drags, the map's last frame moves with
// the pointer (a CSS transform on sigma's layers, no full redraw per move); once the gesture
// settles the map is redrawn, and hover and click work at the new camera — after a drag and after
// a wheel zoom. Positions come from the handle the view registers (`window.__quireMap`).
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FEED, expect, importFile, test } from './fixtures';

type TestWindow = {
  __quireMap?: {
    ids(): string[];
    pointPosition(id: string): { x: number; y: number } | null;
    labelled(): string[];
    moving(): boolean;
  };
};

const moving = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap!.moving());

/** Translation (e, f) of the nodes layer's CSS transform; null when it has none. */
const nodesShift = (page: Page) =>
  page.evaluate(() => {
    type Doc = { querySelector(sel: string): { style: { transform: string } } | null };
    const doc = (globalThis as unknown as { document: Doc }).document;
    const t = doc.querySelector('.map-canvas .sigma-nodes')!.style.transform;
    const m = /matrix\(([^)]+)\)/.exec(t);
    if (!m) return null;
    const v = m[1]!.split(',').map(Number);
    return { scale: v[0]!, x: v[4]!, y: v[5]! };
  });

/** A paper whose point lies well inside the canvas, with its position. */
async function innerPoint(page: Page) {
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const p = await page.evaluate(
    ({ w, h }) => {
      const m = (globalThis as unknown as TestWindow).__quireMap!;
      for (const id of m.ids()) {
        const q = m.pointPosition(id)!;
        if (q.x > 60 && q.y > 60 && q.x < w - 60 && q.y < h - 60) return { id, ...q };
      }
      return null;
    },
    { w: box.width, h: box.height },
  );
  expect(p).not.toBeNull();
  return { ...p!, px: box.x + p!.x, py: box.y + p!.y };
}

/** Hovering the point shows a title, and clicking it opens that paper in the pane. */
async function hoverAndOpen(page: Page) {
  const p = await innerPoint(page);
  await page.mouse.move(p.px + 3, p.py + 3);
  await page.mouse.move(p.px, p.py);
  const tooltip = page.getByTestId('map-tooltip');
  await expect(tooltip).toBeVisible();
  const title = (await tooltip.textContent())!;
  expect(title.length).toBeGreaterThan(5);
  await page.mouse.click(p.px, p.py);
  await expect(page.getByTestId('paper-title')).toHaveText(title);
}

test('map gestures: the frame follows a drag, then hover and click work after pan and zoom', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(300_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await page.getByTestId('nav-map').click();
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-legend')).toBeVisible({ timeout: 180_000 });
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap?.ids().length ?? 0),
    )
    .toBe(227);

  // Drag by (90, 60) and hold the button: the drawn frame is shifted by the drag, not redrawn.
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const p0 = await innerPoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 90, start.y + 60, { steps: 8 });
  expect(await moving(page)).toBe(true);
  const shift = (await nodesShift(page))!;
  expect(shift).not.toBeNull();
  expect(shift.scale).toBeCloseTo(1, 3);
  expect(Math.abs(shift.x - 90)).toBeLessThan(4);
  expect(Math.abs(shift.y - 60)).toBeLessThan(4);
  await expect(page.locator('.map-labels')).toBeHidden();
  await page.mouse.up();

  // Settled: redrawn at the new camera (no transform left), labels back, the paper moved with
  // the drag (plus sigma's inertia), and hover and click find papers there.
  await expect.poll(() => moving(page), { timeout: 60_000 }).toBe(false);
  expect(await nodesShift(page)).toBeNull();
  await expect(page.locator('.map-labels')).toBeVisible();
  const moved = await page.evaluate(
    (id) => (globalThis as unknown as TestWindow).__quireMap!.pointPosition(id)!,
    p0.id,
  );
  expect(moved.x - p0.x).toBeGreaterThan(80);
  expect(moved.y - p0.y).toBeGreaterThan(50);
  await hoverAndOpen(page);

  // Wheel zoom in over the map: the frame is scaled meanwhile; after it settles hover and click
  // work at the new zoom.
  const spread = () =>
    page.evaluate(() => {
      const m = (globalThis as unknown as TestWindow).__quireMap!;
      const [a, b] = m.ids().map((id) => m.pointPosition(id)!);
      return Math.hypot(a!.x - b!.x, a!.y - b!.y);
    });
  const before = await spread();
  const box2 = (await page.locator('.map-canvas').boundingBox())!;
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  await page.mouse.wheel(0, -400);
  // Not "moving is false" at once: right after the wheel event the gesture may not have begun.
  // Positions are those of the last full redraw, so the spread grows once the zoom has settled.
  await expect.poll(spread, { timeout: 60_000 }).toBeGreaterThan(before * 1.1);
  await expect.poll(() => moving(page), { timeout: 60_000 }).toBe(false);
  expect(await nodesShift(page)).toBeNull();
  await hoverAndOpen(page);
});
