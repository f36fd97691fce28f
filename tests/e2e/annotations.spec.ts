// Annotations end to end (browser mode): highlight a sentence with TeX in an abstract using only
// the keyboard, comment on it with math, find it by search (the hit says it is in a highlight),
// quote it into a notebook through `@`, export the notebook and find the quote in the file; then
// highlight in a search result's title and see it in the paper pane.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, importFile, ROOT, shootBothThemes, test } from './fixtures';
import { quoteHighlightInNotebook } from './helpers/annotations';

const BIB = resolve(ROOT, 'tests/e2e/fixtures/annotations.bib');
const SENTENCE =
  'We bound the regret of optimistic lighthouse bandits by $O(\\sqrt{T \\log T})$ over any horizon.';

test('highlight with the keyboard, comment with math, search, quote in a notebook, export', async ({
  page,
  quire,
}) => {
  test.setTimeout(150_000);
  await page.goto(quire.url);
  await importFile(page, BIB, 2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await page.getByTestId('paper-row').filter({ hasText: 'Regret Bounds' }).click();
  const pane = page.getByTestId('paper-pane');
  const abstract = pane.getByTestId('annotatable-abstract');
  await expect(abstract.locator('.katex')).toHaveCount(2);

  // Keyboard only: focus the abstract, take the first sentence (`s`), pick "Result" (3), `h`.
  await abstract.focus();
  await page.keyboard.press('s');
  await expect(pane.getByTestId('selection-quote')).toContainText('We bound the regret');
  await page.keyboard.press('3');
  await expect(pane.getByTestId('kind-result')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('h');
  const item = pane.getByTestId('highlight-item');
  await expect(item).toHaveCount(1);
  await expect(item.locator('select')).toHaveValue('result');
  // The stored quote is the source text, the formula whole; the abstract paints it.
  await expect(abstract.locator('mark.ann-hl[data-kind="result"]').first()).toBeVisible();
  await expect(abstract.locator('mark.ann-hl .katex')).toHaveCount(1);

  // Back into the highlight with the caret, Enter comments; the preview renders the math.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const input = pane.getByTestId('comment-input');
  await expect(input).toBeFocused();
  await input.fill('Tight up to the $\\sqrt{\\log T}$ factor; compare $\\Omega(\\sqrt{T})$.');
  await expect(pane.getByTestId('comment-preview').locator('.katex')).toHaveCount(2);
  await input.press('Control+Enter');
  await expect(pane.getByTestId('comment-editor')).toHaveCount(0);
  await expect(item.getByTestId('highlight-comment').locator('.katex')).toHaveCount(2);
  await expect(item).toHaveAttribute('data-orphaned', 'false');
  await abstract.focus();
  await shootBothThemes(page, 'annotations-paper-pane');

  // The library filter "has highlights of kind X": only the highlighted paper has a result one.
  const highlightFilter = page.getByTestId('highlight-filter');
  await highlightFilter.selectOption('result');
  await expect(page.getByTestId('library-count')).toHaveText('1 paper');
  await expect(page.getByTestId('paper-row')).toHaveCount(1);
  await expect(page.getByTestId('paper-row')).toContainText('Regret Bounds');
  await highlightFilter.selectOption('question');
  await expect(page.getByTestId('library-count')).toHaveText('0 papers');
  await highlightFilter.selectOption('');
  await expect(page.getByTestId('library-count')).toHaveText('2 papers');

  // Search: the match falls inside the highlight, and the hit says so.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('optimistic lighthouse bandits');
  const hit = page.getByTestId('search-hit').filter({ hasText: 'Regret Bounds' });
  await expect(hit.getByTestId('hit-in-highlight')).toContainText('result highlight');
  await shootBothThemes(page, 'annotations-search');

  // Notebook: `@` finds the highlight by its words and quotes it with a link back.
  const preview = await quoteHighlightInNotebook(page);

  // Export as Markdown: the file carries the quote, its comment and the citation.
  const download = page.waitForEvent('download');
  await page.getByRole('combobox', { name: 'Export notebook' }).selectOption('md');
  const file = await (await download).path();
  const md = await readFile(file, 'utf8');
  expect(md).toContain(`> ${SENTENCE}`);
  expect(md).toContain('$\\Omega(\\sqrt{T})$');
  expect(md).toMatch(/Regret Bounds for Lighthouse Bandits/);

  // The link back opens the paper at the highlight.
  await preview.locator('a[href^="#quire-highlight/"]').click();
  await expect(page.getByTestId('paper-pane')).toBeVisible();
  await expect(page.getByTestId('highlight-item')).toHaveClass(/ann-current/);

  // Settings: the kinds are the user's; a renamed kind shows where highlights are listed.
  await page.getByTestId('nav-settings').click();
  const panel = page.getByTestId('kinds-panel');
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('textbox', { name: 'Label of result' }).fill('Finding');
  await panel.getByRole('button', { name: 'Save kinds' }).click();
  await expect(panel.getByRole('button', { name: 'Save kinds' })).toBeDisabled();
  await shootBothThemes(page, 'annotations-kinds-settings');
  await page.getByTestId('nav-library').click();
  await page.getByTestId('paper-row').filter({ hasText: 'Regret Bounds' }).click();
  await expect(page.getByTestId('kind-result')).toContainText('Finding');

  // A search result's title is highlightable too (keyboard, `h`); the paper pane then lists it.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('lighthouse bandits');
  const titleHit = page.getByTestId('search-hit').filter({ hasText: 'Regret Bounds' });
  const hitTitle = titleHit.getByTestId('search-hit-title-text');
  await expect(hitTitle.locator('mark.search-match').first()).toBeVisible();
  await hitTitle.focus();
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('h');
  await expect(hitTitle.locator('mark.ann-hl[data-kind="claim"]')).toHaveText('Regret Bounds');
  // The search match inside the title is still marked beside the new highlight.
  await expect(hitTitle.locator('mark.search-match').first()).toBeVisible();
  await titleHit.locator('.hit-meta').click();
  const titlePane = page.getByTestId('paper-pane');
  await expect(titlePane.getByTestId('highlight-item')).toHaveCount(2);
  await expect(
    titlePane.getByTestId('annotatable-title').locator('mark.ann-hl[data-kind="claim"]'),
  ).toHaveText('Regret Bounds');
});
