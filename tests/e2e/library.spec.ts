// Library end to end over a project-written BibTeX file: import, filter, sort, delete + undo, tags, palette.
import { expect, importFile, SAMPLE_BIB, shootBothThemes, test } from './fixtures';

test.beforeEach(async ({ page, quire }) => {
  await page.goto(quire.url);
  await importFile(page, SAMPLE_BIB, 6);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');
});

test('filters by text, with `/` focusing the filter', async ({ page }) => {
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('filter-input')).toBeFocused();
  await page.keyboard.type('mixture-of-experts');
  await expect(page.getByTestId('library-count')).toHaveText('2 papers');
  await expect(page.getByTestId('paper-row')).toHaveCount(2);

  await page.getByTestId('filter-input').fill('no such words anywhere');
  await expect(page.getByTestId('library-count')).toHaveText('0 papers');
  await expect(page.getByText('No papers match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');
});

test('sorts by year when the header is clicked, both ways', async ({ page }) => {
  const years = () => page.getByTestId('paper-row').locator('.col-year').allTextContents();
  await page.getByTestId('sort-year').click();
  await expect.poll(years).toEqual(['2033', '2032', '2031', '2030', '2029', '2028']);
  await page.getByTestId('sort-year').click();
  await expect.poll(years).toEqual(['2028', '2029', '2030', '2031', '2032', '2033']);
});

test('deletes a paper and brings it back with the toast, then with Ctrl+Z', async ({ page }) => {
  const row = page.getByTestId('paper-row').filter({ hasText: 'Router Collapse' });
  await row.click();
  await expect(page.getByTestId('paper-title')).toHaveText('Router Collapse and How to Avoid It');

  await page.getByTestId('delete-button').click();
  await expect(page.getByTestId('toast')).toContainText('Deleted 1 paper');
  await expect(page.getByTestId('library-count')).toHaveText('5 papers');
  await expect(row).toHaveCount(0);
  await page.getByTestId('toast-undo').click();
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');
  await expect(row).toHaveCount(1);

  // Keyboard: Delete on the selected row, Ctrl+Z to undo.
  await row.click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('library-count')).toHaveText('5 papers');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');
  await expect(row).toHaveCount(1);
});

test('adds and removes tags, and filters by tag', async ({ page }) => {
  await page.getByTestId('paper-row').filter({ hasText: 'Tidal Scaling' }).click();
  await page.getByTestId('tag-input').fill('scaling-laws');
  await page.getByTestId('tag-input').press('Enter');
  await expect(page.getByTestId('tag-chip')).toHaveText(['scaling-laws×']);
  await expect(
    page.getByTestId('paper-row').filter({ hasText: 'Tidal Scaling' }).locator('.chip'),
  ).toHaveText('scaling-laws');

  await page.getByTestId('tag-filter').selectOption('scaling-laws');
  await expect(page.getByTestId('library-count')).toHaveText('1 paper');
  await page.getByTestId('tag-filter').selectOption('');
  await page.getByRole('button', { name: 'Remove tag scaling-laws' }).click();
  await expect(page.getByTestId('tag-chip')).toHaveCount(0);
});

test('command palette opens with Ctrl+K and runs a command', async ({ page }) => {
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await expect(palette.getByText('Import papers…')).toBeVisible();
  await expect(palette.getByText('Export as BibTeX')).toBeVisible();
  await shootBothThemes(page, 'command-palette');

  await page.keyboard.type('settings');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await expect(page.getByTestId('settings-paper-count')).toHaveText('6');
});

test('exports the library as BibTeX through a download', async ({ page }) => {
  await page.getByTestId('export-button').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bibtex').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.bib$/);
  await expect(page.getByTestId('toast')).toContainText('Exported 6 papers as BibTeX');
});

test('the keyboard focus ring runs along the whole table, not in stripes', async ({ page }) => {
  await page.locator('body').click();
  const body = page.getByTestId('paper-table');
  await body.focus();
  await page.keyboard.press('ArrowDown');
  await expect(body).toBeFocused();
  // Rows with a background (odd, selected) used to cover the inset ring; every row stands clear now.
  const gaps = await body.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[data-testid="paper-row"]')].map((r) => {
      const b = r.getBoundingClientRect();
      return [Math.round(b.left - box.left), Math.round(box.right - b.right)];
    });
  });
  expect(gaps.length).toBe(6);
  for (const [left, right] of gaps) {
    expect(left).toBeGreaterThanOrEqual(2);
    expect(right).toBeGreaterThanOrEqual(2);
  }
});
