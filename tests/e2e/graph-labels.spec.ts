// Graph cell labels end to end: the library graph's communities are named by key terms (not
// numbers), a generator graph's by "Community n · size", and the node labels sigma draws never
// overlap — read from sigma itself (getNodeDisplayedLabels, getNodeDisplayData, its label font
// settings), at the initial view and after zooming out and in.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FEED, expect, importFile, test, shootBothThemes } from './fixtures';

type SigmaLike = {
  getNodeDisplayedLabels(): Set<string>;
  getNodeDisplayData(
    n: string,
  ): { x: number; y: number; size: number; label: string | null } | undefined;
  framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
  scaleSize(s: number): number;
  getSetting(k: string): unknown;
  getCamera(): { setState(s: { ratio: number }): void; getState(): { ratio: number } };
  getDimensions(): { width: number; height: number };
};
type TextMetricsLike = {
  width: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
};
/** The browser globals the page functions use (this file compiles without the DOM library). */
type TestWindow = {
  __quireGraphViews?: Record<string, { sigma: SigmaLike }>;
  document: {
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(t: string): TextMetricsLike } | null;
    };
  };
  requestAnimationFrame(cb: () => void): number;
};

type Drawn = { id: string; label: string; x0: number; x1: number; y0: number; y1: number };

/** The labels sigma drew in its last render, each with its text box in the view's pixels. */
function drawnLabels(page: Page, cellId: string): Promise<Drawn[]> {
  return page.evaluate((id) => {
    const w = globalThis as unknown as TestWindow;
    const ctx = w.document.createElement('canvas').getContext('2d')!;
    const s = w.__quireGraphViews![id]!.sigma;
    const size = Number(s.getSetting('labelSize'));
    ctx.font = `${String(s.getSetting('labelWeight'))} ${size}px ${String(s.getSetting('labelFont'))}`;
    const out: Drawn[] = [];
    for (const n of s.getNodeDisplayedLabels()) {
      const d = s.getNodeDisplayData(n)!;
      if (!d.label) continue;
      const p = s.framedGraphToViewport(d);
      const m = ctx.measureText(d.label);
      // Where sigma's default label drawer writes: x + size + 3, baseline y + labelSize / 3.
      const x0 = p.x + s.scaleSize(d.size) + 3;
      const base = p.y + size / 3;
      out.push({
        id: n,
        label: d.label,
        x0,
        x1: x0 + m.width,
        y0: base - m.actualBoundingBoxAscent,
        y1: base + m.actualBoundingBoxDescent,
      });
    }
    return out;
  }, cellId);
}

function overlapping(labels: Drawn[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
        bad.push(`"${a.label}" × "${b.label}"`);
    }
  return bad;
}

/** The community legend's entries: the name before the size ("…: 75 nodes" or "… · 75 nodes"). */
async function legendNames(graph: ReturnType<Page['locator']>): Promise<string[]> {
  const items = await graph.locator('.graph-communities li').allTextContents();
  return items
    .filter((t) => !t.startsWith('…'))
    .map((t) => t.replace(/\s*(:|·)\s*\d+\s+nodes?\s*$/, '').trim());
}

async function newGraphCell(page: Page) {
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('cell-add-graph').click();
  return page
    .locator('[data-testid="cell"][data-cell-type="graph"]')
    .last()
    .getByTestId('graph-cell');
}

test('library graph: communities named by key terms, node labels never overlap', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(240_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  const graph = await newGraphCell(page);
  await graph.getByTestId('graph-k').fill('8');
  await graph.getByTestId('graph-run').click();
  await expect(graph.getByTestId('graph-metrics')).toBeVisible({ timeout: 90_000 });

  // Communities: words, not numbers; no two named alike.
  const names = await legendNames(graph);
  expect(names.length).toBeGreaterThan(1);
  for (const n of names) {
    expect(n, `legend entry "${n}"`).toMatch(/[a-z]{3,}/i);
    expect(n).not.toMatch(/^\d+$|^Community \d+$/);
  }
  expect(new Set(names).size).toBe(names.length);

  // Node labels as sigma drew them.
  const cellId = (await graph.getAttribute('data-cell-id'))!;
  await expect
    .poll(
      () =>
        page.evaluate(
          (id) =>
            (globalThis as unknown as TestWindow).__quireGraphViews?.[
              id
            ]?.sigma.getNodeDisplayedLabels().size ?? 0,
          cellId,
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(3);
  await graph.getByTestId('graph-view').scrollIntoViewIfNeeded();
  const first = await drawnLabels(page, cellId);
  expect(overlapping(first)).toEqual([]);

  // Zoomed out (crowded) and in: still no overlap once sigma has drawn the new frame. (Retried as
  // a whole: a notebook save may hand the view a new drawing, which starts a fresh camera.)
  const zoom = async (ratio: number) => {
    await page.evaluate(
      ({ id, r }) =>
        (globalThis as unknown as TestWindow)
          .__quireGraphViews![id]!.sigma.getCamera()
          .setState({ ratio: r }),
      { id: cellId, r: ratio },
    );
    await page.evaluate(
      () =>
        new Promise<void>((r) => {
          const w = globalThis as unknown as TestWindow;
          w.requestAnimationFrame(() => w.requestAnimationFrame(r));
        }),
    );
  };
  for (const ratio of [2.5, 0.5]) {
    await expect(async () => {
      await zoom(ratio);
      const labels = await drawnLabels(page, cellId);
      const state = await page.evaluate(
        (id) =>
          (globalThis as unknown as TestWindow).__quireGraphViews![id]!.sigma.getCamera().getState()
            .ratio,
        cellId,
      );
      expect(state).toBeCloseTo(ratio);
      expect(labels.length, `labels drawn at ratio ${ratio}`).toBeGreaterThanOrEqual(3);
      expect(overlapping(labels), `ratio ${ratio}`).toEqual([]);
    }).toPass({ timeout: 30_000 });
  }
  await zoom(1);
  await graph.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'graph-labels');
});

test('generator graph: communities named "Community n" with their size', async ({
  page,
  quire,
}) => {
  test.setTimeout(120_000);
  await page.goto(quire.url);
  const graph = await newGraphCell(page);
  await graph.getByTestId('graph-source').selectOption('generator');
  await graph.getByTestId('graph-run').click();
  await expect(graph.getByTestId('graph-metrics')).toBeVisible({ timeout: 60_000 });
  const items = await graph.locator('.graph-communities li').allTextContents();
  expect(items.length).toBeGreaterThan(1);
  for (const t of items.filter((x) => !x.startsWith('…')))
    expect(t).toMatch(/^Community \d+ · \d+ nodes?$/);
});
