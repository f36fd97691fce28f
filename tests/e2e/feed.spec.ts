// The scenario: import the sample paper feed through the UI, annotate a paper, reload, keep the note.
import { existsSync } from 'node:fs';
import { FEED, expect, importFile, shootBothThemes, test } from './fixtures';

test('imports the 227-paper feed, edits a note, and the note survives a reload', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');

  await page.goto(quire.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');
  await shootBothThemes(page, 'library-empty');

  await importFile(page, FEED, 227, 'import-preview');
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await expect(page.getByTestId('library-count')).toHaveText('227 papers');
  await expect(page.getByTestId('paper-row').first()).toBeVisible();
  await shootBothThemes(page, 'library-papers');

  const row = page.getByTestId('paper-row').nth(2);
  const title = (await row.locator('.col-title').textContent()) ?? '';
  await row.click();
  await expect(page.getByTestId('paper-title')).toHaveText(title);

  const note = `Check the exponent against Chinchilla (${Date.now()})`;
  await page.getByTestId('notes-input').fill(note);
  await expect(page.getByTestId('notes-status')).toHaveText('Saved');
  await shootBothThemes(page, 'paper-pane');

  await page.reload();
  await expect(page.getByTestId('library-count')).toHaveText('227 papers');
  await page.getByTestId('filter-input').fill(title);
  await page.getByTestId('paper-row').filter({ hasText: title }).first().click();
  await expect(page.getByTestId('paper-title')).toHaveText(title);
  await expect(page.getByTestId('notes-input')).toHaveValue(note);
});

test('the table stays virtualised: 227 papers, far fewer rows in the DOM', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library-count')).toHaveText('227 papers');
  const rendered = await page.getByTestId('paper-row').count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(80);

  // Keyboard: End jumps to the last paper, which is then in the DOM and selected.
  await page.getByTestId('paper-row').first().click();
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="paper-row"][aria-selected="true"]')).toHaveAttribute(
    'aria-rowindex',
    String(227 + 1),
  );
});
