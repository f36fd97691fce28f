// Duplicate decisions in the import dialog, in Chromium over the real server: a same-title work is
// kept and explained, and a would-be duplicate can be imported as its own paper.
import type { Page } from '@playwright/test';
import { expect, shootBothThemes, test } from './fixtures';

const ris = (title: string, year: number, venue: string, author: string) =>
  `TY  - JOUR\nTI  - ${title}\nAU  - ${author}\nPY  - ${year}\nT2  - ${venue}\nER  - \n`;

async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-dialog').getByRole('tab', { name: 'Paste text' }).click();
  await page.getByTestId('import-paste').fill(text);
  await page.getByTestId('import-preview-button').click();
}

test('same-title works are kept apart and a merge can be overridden', async ({ page, quire }) => {
  await page.goto(quire.url);
  await paste(page, ris('Exercise and mental health', 1990, 'Sports Medicine', 'Hallberg, Kent'));
  await expect(page.getByTestId('preview-new')).toHaveText('1');
  await page.getByTestId('import-run-button').click();
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('library-count')).toHaveText('1 paper');

  await paste(
    page,
    ris('Exercise and mental health', 2017, 'Maturitas', 'Aalto, Sini') +
      ris('Exercise and Mental Health', 1990, 'Sports Med.', 'Hallberg, K.'),
  );
  await expect(page.getByTestId('preview-new')).toHaveText('1');
  await expect(page.getByTestId('import-distinct')).toContainText('year 2017, not 1990');
  await page.getByTestId('import-duplicates').locator('summary').click();
  await page.getByTestId('keep-separate-1').check();
  await expect(page.getByTestId('import-run-button')).toHaveText('Import 2 papers');
  await shootBothThemes(page, 'import-duplicates');
  await page.getByTestId('import-run-button').click();
  await expect(page.getByTestId('import-summary')).toContainText('Imported 2 papers');
  await expect(page.getByTestId('import-summary')).toContainText(
    'Kept as a different work despite the same title (1)',
  );
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('library-count')).toHaveText('3 papers');
});
