// TeX titles and the library table end to end: `$…$` math rendered by KaTeX in the table, the paper
// pane and search results; columns the whole library leaves empty hidden (the column menu shows
// them); papers without a year last in both sort directions; the year never cut beside the pane.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, importFile, shootBothThemes, test } from './fixtures';

const T5X = 'Scaling up models and data with $\\texttt{t5x}$ and seqio';
const PM = 'Working memory holds $7\\pm2$ chunks, not <b>seven</b>';

/** A feed-like library: titles and abstracts only, as the sample feed imports. */
const FEED_LIKE = [
  { title: T5X, abstract: 'We train with $\\mathcal{O}(n^2)$ attention on TPU pods.' },
  { title: PM, abstract: 'Span tasks measure how many items fit, about $7\\pm2$.' },
  { title: 'A plain title about retrieval', abstract: 'Nothing mathematical here.' },
  { title: 'Prices of $5 and $10 are not math', abstract: 'Dollar signs stay text.' },
];

/** Papers with and without a year, authors and venues. */
const WITH_YEARS = [
  { title: 'Paper of 2021', authors: ['Ada Lovelace'], year: 2021, venue: 'NeurIPS' },
  { title: 'Paper without a year A', authors: ['Alan Turing'], venue: 'ICML' },
  { title: 'Paper of 2019', authors: ['Grace Hopper'], year: 2019, venue: 'ACL' },
  { title: 'Paper of 2024', authors: ['Emmy Noether'], year: 2024, venue: 'ICLR' },
  { title: 'Paper without a year B', authors: ['Kurt Gödel'] },
  { title: 'Paper of 2023', authors: ['Ada Lovelace'], year: 2023, venue: 'EMNLP' },
];

async function jsonl(name: string, rows: object[]): Promise<string> {
  const file = test.info().outputPath(name);
  await writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

async function importRows(page: Page, name: string, rows: object[]): Promise<void> {
  await importFile(page, await jsonl(name, rows), rows.length);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
}

const headers = (page: Page) =>
  page
    .getByRole('columnheader')
    .allTextContents()
    .then((h) => h.map((t) => t.replace(/[▲▼]/, '').trim()));

/** What a reader sees (KaTeX's hidden MathML copy left out). */
const shownText = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const c = el.cloneNode(true) as typeof el;
      for (const m of c.querySelectorAll('.katex-mathml')) m.remove();
      return c.textContent ?? '';
    });

test('TeX titles render in the table, the paper pane and search; empty columns hide', async ({
  page,
  quire,
}) => {
  await page.goto(quire.url);
  await importRows(page, 'tex-feed.jsonl', FEED_LIKE);
  await expect(page.getByTestId('library-count')).toHaveText('4 papers');

  // No paper has authors, a year, a venue or tags: those columns are hidden.
  await expect.poll(() => headers(page)).toEqual(['Title', 'Added']);

  const t5xRow = page.getByTestId('paper-row').filter({ hasText: 'seqio' });
  await expect(t5xRow.locator('.col-title .katex .texttt')).toHaveCount(1);
  expect(await shownText(page, '[data-testid=paper-row]:has-text("seqio") .col-title')).toBe(
    'Scaling up models and data with t5x and seqio',
  );
  const pmRow = page.getByTestId('paper-row').filter({ hasText: 'chunks' });
  await expect(pmRow.locator('.col-title .katex')).toHaveCount(1);
  expect(await shownText(page, '[data-testid=paper-row]:has-text("chunks") .col-title')).toBe(
    'Working memory holds 7±2 chunks, not <b>seven</b>',
  );
  await expect(pmRow.locator('.col-title b')).toHaveCount(0);
  const prices = page.getByTestId('paper-row').filter({ hasText: 'Prices' });
  await expect(prices.locator('.katex')).toHaveCount(0);
  await expect(prices.locator('.col-title')).toHaveText('Prices of $5 and $10 are not math');
  await shootBothThemes(page, 'library-tex-feed');

  // The column menu shows a hidden column, says why it was hidden, and hides it again.
  await page.getByTestId('column-menu-button').click();
  await expect(page.getByTestId('column-toggle-year')).toContainText('empty in this library');
  await page.getByTestId('column-toggle-year').click();
  await expect.poll(() => headers(page)).toEqual(['Title', 'Year', 'Added']);
  await shootBothThemes(page, 'library-column-menu');
  await page.getByTestId('column-toggle-year').click();
  await expect.poll(() => headers(page)).toEqual(['Title', 'Added']);
  await page.keyboard.press('Escape');

  // The paper pane: title and abstract rendered.
  await t5xRow.click();
  await expect(page.getByTestId('paper-title').locator('.katex .texttt')).toHaveCount(1);
  await expect(page.getByTestId('paper-pane').locator('.abstract .katex')).toHaveCount(1);
  expect(await shownText(page, '[data-testid=paper-title]')).toBe(
    'Scaling up models and data with t5x and seqio',
  );
  await shootBothThemes(page, 'library-tex-pane');

  // Search results: the title's math rendered, the matched word still highlighted.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-mode-fts').click();
  await page.getByTestId('search-input').fill('seqio');
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-answered', 'seqio');
  const hit = page.getByTestId('search-hit-title').first();
  await expect(hit.locator('.katex .texttt')).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText('seqio');
  await page.getByTestId('search-input').fill('chunks');
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-answered', 'chunks');
  await expect(page.getByTestId('search-hit-title').first().locator('.katex')).toHaveCount(1);
  await expect(page.getByTestId('search-hit').first().locator('.hit-abstract .katex')).toHaveCount(
    1,
  );
  await shootBothThemes(page, 'search-tex');
});

test('papers without a year sort last both ways; the year is never cut beside the pane', async ({
  page,
  quire,
}) => {
  await page.goto(quire.url);
  await importRows(page, 'years.jsonl', WITH_YEARS);
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');
  await expect.poll(() => headers(page)).toEqual(['Title', 'Authors', 'Year', 'Venue', 'Added']);

  // With the paper pane open the table narrows; every year and date still shows in full.
  await page.getByTestId('paper-row').filter({ hasText: 'Paper of 2024' }).click();
  await expect(page.getByTestId('paper-pane')).toBeVisible();
  const cut = await page
    .locator('.col-year, .col-added')
    .evaluateAll((cells) =>
      cells
        .filter((c) => c.scrollWidth > c.clientWidth || c.clientWidth === 0)
        .map((c) => c.textContent),
    );
  expect(cut).toEqual([]);
  // The title takes the width the other columns leave: wider than all of them together.
  const widths = await page
    .locator('.table-head [role=columnheader]')
    .evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect().width));
  const [title = 0, ...others] = widths;
  expect(title).toBeGreaterThan(others.reduce((a, b) => a + b, 0));
  await shootBothThemes(page, 'library-years-pane');

  const years = () => page.getByTestId('paper-row').locator('.col-year').allTextContents();
  await page.getByTestId('sort-year').click();
  await expect.poll(years).toEqual(['2024', '2023', '2021', '2019', '', '']);
  await page.getByTestId('sort-year').click();
  await expect.poll(years).toEqual(['2019', '2021', '2023', '2024', '', '']);
  // Venues likewise (the full-width table shows them): the paper without one comes last either way.
  await page.getByRole('button', { name: 'Close paper' }).click();
  await expect(page.getByTestId('paper-pane')).toBeHidden();
  const venues = () => page.getByTestId('paper-row').locator('.col-venue').allTextContents();
  await page.getByTestId('sort-venue').click();
  await expect.poll(venues).toEqual(['ACL', 'EMNLP', 'ICLR', 'ICML', 'NeurIPS', '']);
  await page.getByTestId('sort-venue').click();
  await expect.poll(venues).toEqual(['NeurIPS', 'ICML', 'ICLR', 'EMNLP', 'ACL', '']);
});
