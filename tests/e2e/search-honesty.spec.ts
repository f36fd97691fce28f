// Search honesty end to end (issue 14 #5): over the sample feed, a nonsense query shows "No close
// match" with its weak results behind a click, random letters find nothing, each hit's estimated
// relevance is shown in words, and "how" highlights the word "how", never "However".
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FEED, expect, importFile, shootBothThemes, test } from './fixtures';

/** Types a query and waits until the view answers it. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-answered', query);
}

test('search: no close match for nonsense, relevance in words, whole-word highlights', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(240_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await page.getByTestId('nav-search').click();

  // Calibration reads the semantic score too: wait until every paper has its vector (no notice).
  await expect(async () => {
    await searchFor(page, 'mixture of experts routing');
    await expect(page.getByTestId('search-notice')).toHaveCount(0);
  }).toPass({ timeout: 180_000 });
  const strong = page.getByTestId('search-hit-score').first();
  await expect(strong).toHaveAttribute('data-band', 'strong');
  await expect(strong).toContainText(/Strong match \d+%/);
  await shootBothThemes(page, 'search-relevance');

  // Filler words the model knows: weak hits exist, but none is offered as an answer.
  await searchFor(page, 'lorem ipsum dolor sit amet');
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-state', 'no-close-match');
  await expect(page.getByTestId('search-no-close-match')).toContainText(
    'No close match for “lorem ipsum dolor sit amet”',
  );
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
  await expect(page.getByTestId('search-status')).toContainText('No close match');
  await shootBothThemes(page, 'search-no-close-match');
  await page.getByTestId('search-show-weak').click();
  await expect(page.getByTestId('search-weak-note')).toBeVisible();
  expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(0);
  for (const band of await page
    .getByTestId('search-hit-score')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-band'))))
    expect(band).toBe('weak');

  // Random letters: nothing at all.
  await searchFor(page, 'xqzv plorth wumbek');
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-state', 'empty');

  // "how" marks the word "how" and never the start of "However".
  await searchFor(page, 'how');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  const marks = await page.locator('[data-testid="search-hit"] mark').allTextContents();
  expect(marks.map((m) => m.toLowerCase())).toContain('how');
  expect(marks.filter((m) => /^however$/i.test(m))).toEqual([]);
  // Some shown snippet does contain "However", so the old prefix highlighter would have marked it.
  await expect(
    page
      .getByTestId('search-hit')
      .filter({ hasText: /\bHowever\b/ })
      .first(),
  ).toBeVisible();
});
