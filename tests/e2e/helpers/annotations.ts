// Steps of tests/e2e/annotations.spec.ts: quoting a highlight into a new notebook through `@`.
import type { Locator, Page } from '@playwright/test';
import { expect, shootBothThemes } from '../fixtures';

/**
 * Makes a notebook "Bandit notes", types `@optimistic lighthouse` in a markdown cell, picks the
 * highlight with the keyboard and checks the quote; answers the cell's preview.
 */
export async function quoteHighlightInNotebook(page: Page): Promise<Locator> {
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('notebook-title-input').fill('Bandit notes');
  await page.getByTestId('cell-add-markdown').click();
  const cell = page.locator('[data-testid="cell"][data-cell-type="markdown"]').last();
  const editor = cell.getByTestId('cell-editor');
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Key result: @optimistic lighthouse');
  const option = page.getByTestId('highlight-suggest-item');
  await expect(option).toContainText('We bound the regret');
  // Keyboard: down past the papers to the highlight (bounded: at most 8 papers and 5 highlights
  // are offered), then Enter.
  for (let i = 0; i < 13; i++) {
    if ((await option.first().getAttribute('aria-selected')) === 'true') break;
    await editor.press('ArrowDown');
  }
  await expect(option.first()).toHaveAttribute('aria-selected', 'true');
  await editor.press('Enter');
  await expect(editor).toHaveValue(/^Key result:\n\n> We bound the regret/);
  await expect(editor).toHaveValue(/@\[Regret Bounds for Lighthouse Bandits\]\(paper:[^)]+\)/);
  await expect(editor).toHaveValue(/\[Result\]\(#quire-highlight\/[^)]+\)/);
  await editor.press('Escape');
  const preview = cell.getByTestId('markdown-preview');
  await expect(preview.locator('blockquote')).toContainText('We bound the regret');
  await expect(preview.locator('blockquote .katex')).toHaveCount(3);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.locator('.nb-keys').click();
  await shootBothThemes(page, 'annotations-notebook-quote');
  return preview;
}
