// Topic map end to end (browser mode): import the sample feed, compute the map, rename a cluster, hover a point (its
// title shows), click it (the paper opens), lasso a region and tag the selection (the tag shows in
// the library), open the selection and a cluster in the library, find the cluster filter in
// Search; screenshots in light and dark. Sigma draws with WebGL, so positions come from the
// handle the view registers for tests (`window.__quireMap.pointPosition`, sigma.graphToViewport).
import { existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { FEED, expect, importFile, test, shootBothThemes } from './fixtures';

type TestWindow = {
  __quireMap?: {
    ids(): string[];
    pointPosition(id: string): { x: number; y: number } | null;
    highlighted(): string[];
    labelled(): string[];
  };
};

test('topic map: compute, hover, open, lasso and tag', async ({ page, quire }) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(300_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-empty')).toContainText('No map yet');
  await page.getByTestId('map-compute').click();
  await expect(page.getByTestId('map-legend')).toBeVisible({ timeout: 180_000 });
  const legend = page.getByTestId('map-legend').locator('li');
  expect(await legend.count()).toBeGreaterThan(2);
  await expect(page.getByTestId('map-compute')).toHaveText('Re-layout');
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap?.ids().length ?? 0),
    )
    .toBe(227);
  await page.waitForTimeout(300);
  await shootBothThemes(page, 'map');

  await expectFillsViewAtWidths(page);
  await renameFirstCluster(page, legend);

  // Hover a paper: its title shows. Pick one whose position is well inside the canvas.
  const canvas = page.locator('.map-canvas');
  const box = (await canvas.boundingBox())!;
  const target = await page.evaluate(
    ({ w, h }) => {
      const m = (globalThis as unknown as TestWindow).__quireMap!;
      for (const id of m.ids()) {
        const p = m.pointPosition(id)!;
        if (p.x > 40 && p.y > 40 && p.x < w - 40 && p.y < h - 40) return { id, ...p };
      }
      return null;
    },
    { w: box.width, h: box.height },
  );
  expect(target).not.toBeNull();
  await page.mouse.move(box.x + target!.x, box.y + target!.y);
  const tooltip = page.getByTestId('map-tooltip');
  await expect(tooltip).toBeVisible();
  const title = (await tooltip.textContent())!;
  expect(title.length).toBeGreaterThan(5);

  // Click it: the paper opens in the pane.
  await page.mouse.click(box.x + target!.x, box.y + target!.y);
  await expect(page.getByTestId('paper-pane')).toBeVisible();
  await expect(page.getByTestId('paper-title')).toHaveText(title);

  // Lasso a square around that paper: a selection with it, then tag the selection. The pane
  // narrowed the map, so the paper is looked up again.
  await page.getByTestId('map-lasso-toggle').click();
  await page.waitForTimeout(300);
  const box2 = (await canvas.boundingBox())!;
  const now = await page.evaluate(
    (id) => (globalThis as unknown as TestWindow).__quireMap!.pointPosition(id)!,
    target!.id,
  );
  const cx = box2.x + now.x;
  const cy = box2.y + now.y;
  await page.mouse.move(cx - 60, cy - 60);
  await page.mouse.down();
  for (const [dx, dy] of [
    [60, -60],
    [60, 60],
    [-60, 60],
    [-60, -60],
  ] as const)
    await page.mouse.move(cx + dx, cy + dy, { steps: 5 });
  await page.mouse.up();
  const selection = page.getByTestId('map-selection');
  await expect(selection).toBeVisible();
  await expect(selection).toContainText(title);
  await page.getByTestId('map-tag-input').fill('map-region');
  await page.getByTestId('map-tag-apply').click();
  await expect(page.getByTestId('map-tag-note')).toContainText('map-region');
  await shootBothThemes(page, 'map-lasso');

  await addSelectionToNotebook(page, selection);

  const selected = await openSelectionInLibrary(page, selection);

  // The notebook is in the Notebooks view, with a card titled like the lassoed paper.
  await page.getByTestId('nav-notebooks').click();
  await page
    .getByTestId('notebook-list-item')
    .filter({ hasText: `Map selection (${selected}` })
    .click();
  await expect(page.getByTestId('paper-card')).toHaveCount(Number(selected));
  await expect(page.getByTestId('paper-card').filter({ hasText: title })).toHaveCount(1);

  await openClusterInLibraryAndSearch(page, legend);

  await expectCoarseLabels(page, legend);

  await highlightSearchHits(page);

  await mergeFirstTwoClusters(page, legend);

  // Colour by tag: the tag given to the lasso selection is in the tag legend with that many papers.
  await page.getByTestId('map-colour-tag').click();
  await expect(page.getByTestId('map-legend')).toBeHidden();
  await expect(
    page.locator('[data-testid="map-tag-legend"] li[data-tag="map-region"] .count'),
  ).toHaveText(selected);
  await page.waitForTimeout(300);
  await shootBothThemes(page, 'map-tags');
  await page.getByTestId('map-colour-cluster').click();
  await expect(page.getByTestId('map-legend')).toBeVisible();

  // Last, so the error banner is in no screenshot: "Name with LLM" without an LLM set up gives a
  // clear error, and the legend's names are unchanged.
  const names = await page.getByTestId('map-legend').textContent();
  await page.getByTestId('map-name-llm').click();
  await expect(page.getByTestId('map-error')).toContainText('No LLM is configured');
  await expect(page.getByTestId('map-legend')).toHaveText(names!);
});

/** The map view's edges are the content area's; the scatter and legend reach its bottom and right. */
async function expectMapFillsView(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
      const content = await box('main.content');
      const view = await box('[data-testid="map-view"]');
      const head = await box('.map-toolbar');
      const scatter = await box('.map-scatter');
      const side = await box('.map-side');
      const near = (a: number, b: number) => Math.abs(a - b) <= 1;
      return (
        near(view.y, content.y) &&
        near(head.y, content.y) &&
        near(scatter.x, content.x) &&
        near(scatter.y + scatter.height, content.y + content.height) &&
        near(side.x + side.width, content.x + content.width) &&
        near(scatter.x + scatter.width, side.x)
      );
    })
    .toBe(true);
}

/** Back on the map: zoomed out only the largest clusters are labelled (a coarser level). */
async function expectCoarseLabels(page: Page, legend: Locator): Promise<void> {
  // Back on the map: zoomed out only the largest clusters are labelled (a coarser level).
  await page.getByTestId('nav-map').click();
  await expect(legend.first()).toBeVisible();
  const clusterCount = await page
    .locator('[data-testid="map-legend"] li:not([data-cluster="unassigned"])')
    .count();
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap?.labelled().length),
    )
    .toBe(Math.min(6, clusterCount));
  await expect(page.locator('.map-cluster-label')).toHaveCount(Math.min(6, clusterCount));
}

/** Search from the map header highlights the hits; clearing it draws every paper normally. */
async function highlightSearchHits(page: Page): Promise<void> {
  // Search from the map header: the hits are highlighted (as many as the count says); clearing the
  // box draws every paper normally again.
  await page.getByTestId('map-search').fill('diffusion');
  await expect(page.getByTestId('map-search-count')).toHaveText(/^\d+ hits?/);
  const hitCount = Number(
    /^(\d+)/.exec((await page.getByTestId('map-search-count').textContent())!)![1],
  );
  expect(hitCount).toBeGreaterThan(0);
  expect(hitCount).toBeLessThan(227);
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap?.highlighted().length),
    )
    .toBe(hitCount);
  await page.waitForTimeout(300);
  await shootBothThemes(page, 'map-search');
  await page.getByTestId('map-search').fill('');
  await expect(page.getByTestId('map-search-count')).toBeHidden();
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as unknown as TestWindow).__quireMap?.highlighted().length),
    )
    .toBe(0);
}

/** Merge two clusters from the legend: pick the first, then merge it into the second. */
async function mergeFirstTwoClusters(page: Page, legend: Locator): Promise<void> {
  // Merge two clusters from the legend: pick the first, then merge it into the second.
  const firstId = (await legend.nth(0).getAttribute('data-cluster'))!;
  const intoId = (await legend.nth(1).getAttribute('data-cluster'))!;
  const sizeOf = async (id: string) =>
    Number(
      await page
        .locator(`[data-testid="map-legend"] li[data-cluster="${id}"] .count`)
        .textContent(),
    );
  const total = (await sizeOf(firstId)) + (await sizeOf(intoId));
  await legend.nth(0).getByTestId('map-merge').click();
  await expect(page.getByTestId('map-merge-hint')).toBeVisible();
  await legend.nth(1).getByTestId('map-merge').click();
  await expect(
    page.locator(`[data-testid="map-legend"] li[data-cluster="${firstId}"]`),
  ).toHaveCount(0);
  expect(await sizeOf(intoId)).toBe(total);
  await expect(page.getByTestId('map-merge-hint')).toBeHidden();
}

/** The map fills the view at 1360 and 1024 px wide (screenshot at 1024), then back to 1360. */
async function expectFillsViewAtWidths(page: Page): Promise<void> {
  // The map fills the view like the other views: the header starts at the top, the scatter reaches
  // the view's bottom edge and the legend its right edge (also at 1024 px wide).
  for (const width of [1360, 1024]) {
    await page.setViewportSize({ width, height: 860 });
    await expectMapFillsView(page);
  }
  await shootBothThemes(page, 'map-1024');
  await page.setViewportSize({ width: 1360, height: 860 });
}

/** The lasso selection goes to a new notebook; adding it again adds nothing twice. */
async function addSelectionToNotebook(page: Page, selection: Locator): Promise<void> {
  // Add the selection to a notebook: a new one with a paper card per paper; adding again to the
  // same notebook adds nothing twice.
  const count = Number(/(\d+) selected/.exec((await selection.textContent())!)![1]);
  const papersWord = count === 1 ? 'paper' : 'papers';
  await expect(page.getByTestId('map-notebook-select')).toHaveValue('');
  await page.getByTestId('map-notebook-add').click();
  await expect(page.getByTestId('map-notebook-note')).toHaveText(
    `Added ${count} ${papersWord} to “Map selection (${count} ${papersWord})”.`,
  );
  await page.getByTestId('map-notebook-add').click();
  await expect(page.getByTestId('map-notebook-note')).toHaveText(
    `Added 0 papers to “Map selection (${count} ${papersWord})” (${count} already there).`,
  );
}

/** "Open in library" lists exactly the selection, tagged; answers how many were selected. */
async function openSelectionInLibrary(page: Page, selection: Locator): Promise<string> {
  // "Open in library" from the lasso selection: the library lists exactly those papers, and the tag
  // shows there on as many papers as were selected.
  const selected = /(\d+) selected/.exec((await selection.textContent())!)![1];
  await page.getByTestId('map-selection-open').click();
  await expect(page.getByTestId('library-selection-chip')).toContainText(`(${selected})`);
  await expect(page.getByTestId('library-count')).toHaveText(
    `${selected} ${selected === '1' ? 'paper' : 'papers'}`,
  );
  await expect(page.locator('option[value="map-region"]')).toHaveText(`map-region (${selected})`);
  await page.getByTestId('library-selection-chip').getByRole('button').click();
  await expect(page.getByTestId('library-count')).toHaveText('227 papers');
  return selected!;
}

/** A legend entry opens its cluster in the library; Search offers the clusters as filters. */
async function openClusterInLibraryAndSearch(page: Page, legend: Locator): Promise<void> {
  // A legend entry opens its cluster in the library (the cluster filter), with its size.
  await page.getByTestId('nav-map').click();
  const second = legend.nth(1);
  const size = (await second.locator('.count').textContent())!;
  const clusterId = (await second.getAttribute('data-cluster'))!;
  await second.getByTestId('map-open-cluster').click();
  await expect(page.getByTestId('library-count')).toHaveText(`${size} papers`);
  await expect(page.getByTestId('tag-filter')).toHaveValue(`,cluster,${clusterId}`);

  // Search offers the same clusters: a query filtered to that cluster only finds its members.
  await page.getByTestId('nav-search').click();
  const option = page.getByTestId('search-tag').locator('option[value^=",cluster,"]');
  expect(await option.count()).toBeGreaterThan(2);
}

/** Rename a cluster in the legend; the name is kept (map:renameCluster) and shown. */
async function renameFirstCluster(page: Page, legend: Locator): Promise<void> {
  // Rename a cluster in the legend; the name is kept (map:renameCluster) and shown.
  await legend.first().locator('.map-legend-label').dblclick();
  await page.getByTestId('map-rename-input').fill('My first topic');
  await page.getByTestId('map-rename-input').press('Enter');
  await expect(legend.first()).toContainText('My first topic');
}
