// The other views, the token screen and the server's refusal of calls without the token.
import { expect, shootBothThemes, test } from './fixtures';

test('an API call without the token gets 401', async ({ request, quire }) => {
  const res = await request.post(`${quire.origin}/api/call/app:info`, { data: {} });
  expect(res.status()).toBe(401);
  const body = (await res.json()) as { ok: boolean; error: { code: string } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe('unauthorized');
});

test('without a token the page says how to open Quire', async ({ page, quire }) => {
  await page.goto(quire.origin + '/');
  await expect(page.getByTestId('gate-screen')).toContainText('npm run serve');
  await shootBothThemes(page, 'no-token');
});

test('settings, placeholders and the theme override', async ({ page, quire }) => {
  await page.goto(quire.url);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('library-location')).toHaveText(quire.library);
  await expect(page.getByTestId('settings-paper-count')).toHaveText('0');
  await expect(page.getByTestId('app-version')).toContainText('Quire ');
  await shootBothThemes(page, 'settings');

  // The Map is a real view now (tests/e2e/map.spec.ts); without a map it says how to make one.
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-empty')).toContainText('No map yet');
  // Search is a real view now (tests/e2e/search.spec.ts); without papers it explains itself.
  await page.getByTestId('nav-search').click();
  await expect(page.getByTestId('search-empty')).toContainText('Hybrid');

  // The Settings override beats the OS preference and survives a reload.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('theme-system').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the import dialog shows errors clearly and closes with Esc', async ({ page, quire }) => {
  await page.goto(quire.url);
  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('tab', { name: 'Paste text' }).click();
  await page.getByTestId('import-paste').fill('this is not a bibliography');
  await page.getByTestId('import-format').selectOption('bibtex');
  await page.getByTestId('import-preview-button').click();
  await expect(
    page.getByTestId('import-error').or(page.getByTestId('import-preview')),
  ).toBeVisible();
  await shootBothThemes(page, 'import-error');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
