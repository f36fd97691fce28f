// Notebooks end to end: a markdown cell with math and a paper reference, a pasted table and a
// plot of it survive a reload; JavaScript cells run, and an endless loop is stopped.
import type { Page } from '@playwright/test';
import { expect, importFile, SAMPLE_BIB, shootBothThemes, test } from './fixtures';

const CSV = 'compute,loss\n1,3.2\n10,2.9\n100,2.5\n1000,2.2\n';

async function lastCell(page: Page, type: string) {
  return page.locator(`[data-testid="cell"][data-cell-type="${type}"]`).last();
}

test.beforeEach(async ({ page, quire }) => {
  await page.goto(quire.url);
  await importFile(page, SAMPLE_BIB, 6);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await page.getByTestId('nav-notebooks').click();
});

test('math, references, a table and its plot survive a reload; cells run and stop', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await expect(page.getByTestId('notebooks-empty')).toContainText('No notebooks yet');
  await page.getByTestId('notebook-new').click();
  await expect(page.getByTestId('notebook-list-item')).toHaveCount(1);
  await page.getByTestId('notebook-title-input').fill('Scaling notes');

  // Markdown with inline and display math and an @ reference picked from the library.
  await page.getByTestId('cell-add-markdown').click();
  const md = await lastCell(page, 'markdown');
  const editor = md.getByTestId('cell-editor');
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Energy $E = mc^2$, as in @Tidal');
  await expect(page.getByTestId('paper-suggest-item').first()).toContainText('Tidal Scaling');
  await editor.press('Enter');
  await expect(editor).toHaveValue(/@\[Tidal Scaling Laws[^\]]*\]\(paper:[^)]+\)$/);
  await editor.pressSequentially('.');
  await editor.press('Enter');
  await editor.press('Enter');
  await editor.pressSequentially('$$\\sum_i x_i$$');
  await editor.press('Escape');
  const preview = md.getByTestId('markdown-preview');
  await expect(preview.locator('.katex')).toHaveCount(2);
  await expect(preview.getByTestId('paper-ref-link')).toContainText('Tidal Scaling Laws');

  // A table from pasted CSV, named so the plot and scripts can find it.
  await page.getByTestId('cell-add-table').click();
  const table = await lastCell(page, 'table');
  await table.getByTestId('table-paste').fill(CSV);
  await table.getByTestId('table-paste-apply').click();
  await expect(table.getByTestId('table-grid').locator('tbody tr')).toHaveCount(4);
  await table.getByTestId('cell-name').fill('runs');

  // A plot of it.
  await page.getByTestId('cell-add-plot').click();
  const plot = await lastCell(page, 'plot');
  await plot.getByTestId('plot-source').selectOption('runs');
  await expect(plot.getByTestId('plot-x')).toHaveValue('compute');
  await plot.getByRole('checkbox', { name: 'log x' }).check();
  await expect(plot.getByTestId('plot-chart').locator('circle').first()).toBeVisible();

  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  // Blur the editors so the picture shows rendered cells.
  await page.locator('.nb-keys').click();
  await shootBothThemes(page, 'notebook-editor');

  // Everything is still there after a reload.
  await page.reload();
  await page.getByTestId('nav-notebooks').click();
  await expect(page.getByTestId('notebook-title-input')).toHaveValue('Scaling notes');
  await expect(page.getByTestId('cell')).toHaveCount(3);
  const preview2 = (await lastCell(page, 'markdown')).getByTestId('markdown-preview');
  await expect(preview2.locator('.katex')).toHaveCount(2);
  await expect(preview2.locator('.katex-display')).toHaveCount(1);
  const grid = (await lastCell(page, 'table')).getByTestId('table-grid');
  await expect(grid.locator('tbody tr').nth(2)).toContainText('100');
  await expect(grid.locator('tbody tr').nth(2)).toContainText('2.5');
  await expect(
    (await lastCell(page, 'plot')).getByTestId('plot-chart').locator('circle').first(),
  ).toBeVisible();

  // The reference opens the paper in Library.
  await preview2.getByTestId('paper-ref-link').click();
  await expect(page.getByTestId('paper-title')).toHaveText(
    'Tidal Scaling Laws for Sparse Mixture-of-Experts Language Models',
  );

  // A JavaScript cell reading the table returns a value.
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('cell-add-javascript').click();
  const js = await lastCell(page, 'javascript');
  await expect(js.getByTestId('cell-status')).toHaveText('not run');
  await js.getByTestId('cell-editor').fill("return table('runs').length * 2;");
  await js.getByTestId('cell-run').click();
  await expect(js.getByTestId('cell-output')).toHaveText('8');
  await expect(js.getByTestId('cell-status')).toHaveText('fresh');
  await shootBothThemes(page, 'notebook-run');

  // An endless loop is stopped by the time limit, with a message that says why.
  await page.getByTestId('cell-add-javascript').click();
  const loop = await lastCell(page, 'javascript');
  await loop.getByTestId('cell-editor').fill('while (true) {}');
  await loop.getByTestId('cell-editor').press('Shift+Enter');
  await expect(page.getByTestId('stop')).toBeVisible();
  await expect(loop.getByTestId('cell-output')).toContainText('Stopped after 5 s', {
    timeout: 30_000,
  });
  await expect(loop.locator('.nb-out-error')).toBeVisible();

  // …and by Stop, at once.
  await loop.getByTestId('cell-run').click();
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('run-notice')).toContainText('Run stopped');
  await expect(page.getByTestId('run-all')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
});

test('lists, renames, duplicates, searches and deletes notebooks with Undo', async ({ page }) => {
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('cell-add-markdown').click();
  await page.getByTestId('cell-editor').fill('Router collapse happens at high learning rates.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Rename in place.
  const item = page.getByTestId('notebook-list-item');
  await item.dblclick();
  await page.getByTestId('notebook-rename-input').fill('Routers');
  await page.getByTestId('notebook-rename-input').press('Enter');
  await expect(item).toContainText('Routers');
  await expect(page.getByTestId('notebook-title-input')).toHaveValue('Routers');

  await page.getByTestId('notebook-duplicate').click();
  await expect(page.getByTestId('notebook-list-item')).toHaveCount(2);

  await page.getByTestId('notebook-search').fill('learning rates');
  await expect(page.getByTestId('notebook-search-hit')).toHaveCount(2);
  await expect(page.getByTestId('notebook-search-hit').first()).toContainText('learning rates');
  await page.getByTestId('notebook-search').fill('');

  await page.getByTestId('notebook-list-item').first().hover();
  await page.getByTestId('notebook-delete').first().click();
  await expect(page.getByTestId('toast')).toContainText('Deleted');
  await expect(page.getByTestId('notebook-list-item')).toHaveCount(1);
  await page.getByTestId('toast-undo').click();
  await expect(page.getByTestId('notebook-list-item')).toHaveCount(2);
  await shootBothThemes(page, 'notebook-list');
});

test('the @ picker offers the paper whose title matches first, and Enter inserts it', async ({
  page,
}) => {
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('cell-add-markdown').click();
  const editor = (await lastCell(page, 'markdown')).getByTestId('cell-editor');
  await expect(editor).toBeFocused();
  // "Router Collapse…" sorts first by title and its abstract says "mixture", but only
  // "Tidal Scaling Laws for Sparse Mixture-of-Experts…" has the word in its title.
  await editor.pressSequentially('See @Mixture');
  const items = page.getByTestId('paper-suggest-item');
  await expect(items.first()).toContainText('Tidal Scaling');
  await expect(items.nth(1)).toContainText('Router Collapse');
  await editor.press('Enter');
  await expect(editor).toHaveValue(/^See @\[Tidal Scaling Laws[^\]]*\]\(paper:[^)]+\)$/);
});

test('a long notebook title is shown whole at 1024 px', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByTestId('notebook-new').click();
  const title = page.getByTestId('notebook-title-input');
  await title.fill('Scaling laws for sparse mixture-of-experts: replication');
  await title.press('Tab');
  const cut = await title.evaluate((el) => [
    el.scrollWidth - el.clientWidth,
    el.scrollHeight - el.clientHeight,
  ]);
  expect(cut).toEqual([0, 0]);
  await title.press('Enter'); // a title stays one paragraph
  await expect(title).toHaveValue('Scaling laws for sparse mixture-of-experts: replication');
  await expect(page.getByTestId('run-all')).toBeVisible();
  await shootBothThemes(page, 'notebook-1024');
});
