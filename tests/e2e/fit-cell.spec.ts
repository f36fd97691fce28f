// Fit cell end to end: paste (compute, loss) points of a synthetic scaling law into a table cell,
// fit E + A·C^−α (preset power-law-offset) with a fit cell, read α ± its error and the log-log
// plot; after a reload the stored results are shown again without running.
import type { Page } from '@playwright/test';
import { expect, shootBothThemes, test } from './fixtures';

/** loss = 1.7 + 400·C^−0.3 over 1e15…1e21, with ±0.001 % deterministic noise. */
function scalingCsv(): string {
  const rows = Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    const loss = (1.7 + 400 * c ** -0.3) * (1 + 1e-5 * Math.sin(7 * i + 1));
    return `${c.toExponential(6)},${loss.toPrecision(10)}`;
  });
  return ['compute,loss', ...rows].join('\n');
}

const cellOf = (page: Page, type: string) =>
  page.locator(`[data-testid="cell"][data-cell-type="${type}"]`).last();

test('fits a power law with offset, shows α ± error and a log-log plot, and keeps them after a reload', async ({
  page,
  quire,
}) => {
  test.setTimeout(120_000);
  await page.goto(quire.url);
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('notebook-title-input').fill('Scaling fit');

  await page.getByTestId('cell-add-table').click();
  const table = cellOf(page, 'table');
  await table.getByTestId('table-paste').fill(scalingCsv());
  await table.getByTestId('table-paste-apply').click();
  await expect(table.getByTestId('table-grid').locator('tbody tr')).toHaveCount(10);
  await table.getByTestId('cell-name').fill('runs');

  await page.getByTestId('cell-add-fit').click();
  const fit = cellOf(page, 'fit').getByTestId('fit-cell');
  await fit.getByTestId('fit-source').selectOption('runs');
  await expect(fit.getByTestId('fit-x')).toHaveValue('compute');
  await expect(fit.getByTestId('fit-y')).toHaveValue('loss');
  await fit.getByTestId('fit-model').selectOption('power-law-offset');
  await fit.getByTestId('fit-run').click();

  await expect(fit.getByTestId('fit-param-row')).toHaveCount(3);
  await expect(fit.getByTestId('fit-status')).toContainText('converged');
  const alpha = fit.locator('[data-testid="fit-param-row"][data-param="alpha"]');
  await expect(alpha).toContainText('±');
  const value = Number(await alpha.getAttribute('data-value'));
  expect(Math.abs(value - 0.3)).toBeLessThan(0.02);
  expect(Number(await alpha.getAttribute('data-std-error'))).toBeGreaterThan(0);
  const plot = fit.getByTestId('fit-plot');
  await expect(plot).toBeVisible();
  await expect(plot).toHaveAttribute('data-log-x', 'true');
  await expect(plot.locator('circle')).toHaveCount(10);
  await expect(fit.getByTestId('fit-loglog')).toBeChecked();
  await fit.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'fit-cell');

  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await page.getByTestId('nav-notebooks').click();
  await expect(page.getByTestId('notebook-title-input')).toHaveValue('Scaling fit');
  const fit2 = cellOf(page, 'fit').getByTestId('fit-cell');
  await expect(fit2.getByTestId('fit-param-row')).toHaveCount(3);
  await expect(fit2.locator('[data-testid="fit-param-row"][data-param="alpha"]')).toHaveAttribute(
    'data-value',
    String(value),
  );
  await expect(fit2.getByTestId('fit-status')).toContainText('converged');
  await expect(fit2.getByTestId('fit-plot').locator('.fit-chart-line')).toHaveCount(1);
});
