// Charts end to end: the fit cell's chart and the plot cell's chart show labelled ticks on both
// axes, and every tick label lies inside its chart (none cut at the right or the top), in both
// themes; screenshots of both cells in light and dark.
import type { Locator, Page } from '@playwright/test';
import { expect, shootBothThemes, test } from './fixtures';

/** loss = 1.7 + 400·C^−0.3 over 1e15…1e21: on log axes y spans far less than a decade. */
function scalingCsv(): string {
  const rows = Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    const loss = (1.7 + 400 * c ** -0.3) * (1 + 1e-5 * Math.sin(7 * i + 1));
    return `${c.toExponential(6)},${loss.toPrecision(10)},${(1000 * (i + 1) ** 2).toFixed(1)}`;
  });
  return ['compute,loss,tokens', ...rows].join('\n');
}

const cellOf = (page: Page, type: string) =>
  page.locator(`[data-testid="cell"][data-cell-type="${type}"]`).last();

type Box = { x: number; y: number; width: number; height: number };
/** The page's getComputedStyle (this file is type-checked without the DOM library). */
type Styles = { getComputedStyle(e: unknown): { fill: string; backgroundColor: string } };
type Ticks = { chart: Box; x: { text: string; box: Box }[]; y: { text: string; box: Box }[] };

/** The chart's box and the rendered box of each tick label, as the browser lays them out. */
async function ticksOf(chart: Locator): Promise<Ticks> {
  return chart.evaluate((svg) => {
    const rect = (e: { getBoundingClientRect(): Box }) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labels = (cls: string) =>
      [...svg.querySelectorAll(`text.${cls}`)].map((t) => ({
        text: t.textContent ?? '',
        box: rect(t),
      }));
    return { chart: rect(svg), x: labels('tick-x'), y: labels('tick-y') };
  });
}

/** At least two distinct, non-empty labels per axis, each wholly inside the chart. */
function expectLabelledAndInside(t: Ticks, what: string) {
  for (const axis of ['x', 'y'] as const) {
    const labels = t[axis];
    expect(labels.length, `${what}: ${axis} tick labels`).toBeGreaterThanOrEqual(2);
    expect(new Set(labels.map((l) => l.text)).size, `${what}: distinct ${axis} labels`).toBe(
      labels.length,
    );
    for (const l of labels) {
      expect(l.text.trim(), `${what}: ${axis} label text`).not.toBe('');
      expect(l.box.width, `${what}: ${axis} label "${l.text}" is drawn`).toBeGreaterThan(0);
      const inside =
        l.box.x >= t.chart.x - 0.5 &&
        l.box.y >= t.chart.y - 0.5 &&
        l.box.x + l.box.width <= t.chart.x + t.chart.width + 0.5 &&
        l.box.y + l.box.height <= t.chart.y + t.chart.height + 0.5;
      expect(inside, `${what}: ${axis} label "${l.text}" inside the chart`).toBe(true);
    }
  }
}

test('fit and plot charts label both axes and cut no tick label, in both themes', async ({
  page,
  quire,
}) => {
  test.setTimeout(150_000);
  await page.goto(quire.url);
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('notebook-title-input').fill('Charts');

  await page.getByTestId('cell-add-table').click();
  const table = cellOf(page, 'table');
  await table.getByTestId('table-paste').fill(scalingCsv());
  await table.getByTestId('table-paste-apply').click();
  await expect(table.getByTestId('table-grid').locator('tbody tr')).toHaveCount(10);
  await table.getByTestId('cell-name').fill('runs');

  // Fit: log-log axes by default for the power-law family.
  await page.getByTestId('cell-add-fit').click();
  const fit = cellOf(page, 'fit').getByTestId('fit-cell');
  await fit.getByTestId('fit-source').selectOption('runs');
  await fit.getByTestId('fit-y').selectOption('loss');
  await fit.getByTestId('fit-model').selectOption('power-law-offset');
  await fit.getByTestId('fit-run').click();
  await expect(fit.getByTestId('fit-status')).toContainText('converged');
  const fitPlot = fit.getByTestId('fit-plot');
  await expect(fitPlot).toHaveAttribute('data-log-y', 'true');
  await expect(fitPlot.locator('.fit-chart-line')).toHaveCount(1);

  // Plot: linear axes, where the right-most x label is widest (1e+21 → "1e21").
  await page.getByTestId('cell-add-plot').click();
  const plot = cellOf(page, 'plot');
  await plot.getByTestId('plot-source').selectOption('runs');
  await expect(plot.getByTestId('plot-x')).toHaveValue('compute');
  const plotChart = plot.getByTestId('plot-chart');
  await expect(plotChart.locator('circle')).toHaveCount(10);

  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    expectLabelledAndInside(await ticksOf(fitPlot), `fit chart (${scheme})`);
    expectLabelledAndInside(
      await ticksOf(fit.getByTestId('fit-residuals')),
      `residuals (${scheme})`,
    );
    expectLabelledAndInside(await ticksOf(plotChart), `plot chart (${scheme})`);
    // Tick labels are readable: not the background colour.
    const [fill, bg] = await plotChart.evaluate((svg) => {
      const page = globalThis as unknown as Styles;
      return [
        page.getComputedStyle(svg.querySelector('text.tick-y')).fill,
        page.getComputedStyle(svg).backgroundColor,
      ];
    });
    expect(fill, `tick label colour (${scheme})`).not.toBe(bg);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await fitPlot.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'chart-fit-cell');
  await plotChart.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'chart-plot-cell');
});
