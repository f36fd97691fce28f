// Long work in the graph cell, end to end: on a library big enough to take a while (4,000 synthetic
// papers imported through the CLI), Run first says how long the library graph is expected to take
// and offers a cheaper setting; "Run anyway" shows progress and Cancel stops it; the cheaper
// setting (a seeded sample, fewer neighbours) completes and says so beside the form.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, ROOT, test } from './fixtures';

const run = promisify(execFile);
const PAPERS = 4000;

const WORDS = `scaling law neural network training compute data model language graph node edge
embedding representation sparse dense expert mixture routing memory parallel pipeline tensor batch
loss curve generalization robustness benchmark dataset evaluation inference latency quantization
pruning distillation sampling diffusion policy reward agent simulation signal protein molecule
climate forecast retrieval search ranking query document vector semantic cluster topic theory proof
convergence stochastic kernel regression classification detection speech audio video sequence
convolution layer normalization dropout privacy fairness causal uncertainty bayesian contrastive`
  .split(/\s+/)
  .filter(Boolean);

/** Seeded varied papers (every word known to the bundled model, so every paper has a vector). */
function syntheticJsonl(n: number): string {
  let s = 7;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      title: `${Array.from({ length: 7 }, pick).join(' ')} ${i}`,
      abstract: Array.from({ length: 40 }, pick).join(' ') + '.',
    }),
  ).join('\n');
}

test('a slow library graph warns first; Cancel stops it; the cheaper setting completes', async ({
  page,
  quire,
}) => {
  test.setTimeout(600_000);
  const dir = await mkdtemp(join(tmpdir(), 'quire-graph-long-'));
  try {
    const file = join(dir, 'papers.jsonl');
    await writeFile(file, syntheticJsonl(PAPERS) + '\n');
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bin/quire.mjs'), 'import', file, '--library', quire.library, '--json'],
      { cwd: ROOT, env: { ...process.env, QUIRE_LIBRARY: '' }, maxBuffer: 64 * 2 ** 20 },
    );
    expect(JSON.parse(stdout)).toMatchObject({ imported: PAPERS });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  await page.goto(quire.url);
  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('cell-add-graph').click();
  const graph = page
    .locator('[data-testid="cell"][data-cell-type="graph"]')
    .last()
    .getByTestId('graph-cell');
  await expect(graph.getByTestId('graph-source')).toHaveValue('library-knn');

  // The size warning comes before any work, with the expected time.
  await graph.getByTestId('graph-run').click();
  const warning = graph.getByTestId('graph-size-warning');
  await expect(warning).toContainText('4,000 papers with 10 neighbours each');
  await expect(warning).toContainText(/expected to take about \d+ (s|min)/);

  // Run anyway: progress with its phase, then Cancel ends it with nothing stored.
  await graph.getByTestId('graph-run-anyway').click();
  const progress = graph.getByTestId('graph-progress');
  await expect(progress).toHaveAttribute('data-phase', 'neighbours', { timeout: 60_000 });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await graph.getByTestId('graph-progress-cancel').click();
  await expect(graph.getByTestId('graph-error')).toHaveText('Cancelled.');
  await expect(progress).toBeHidden();
  await expect(graph.getByTestId('graph-metrics')).toHaveCount(0);
  await expect(graph.getByTestId('graph-run')).toBeEnabled();

  // The cheaper setting runs to its end on a sample, and the cell says so.
  await graph.getByTestId('graph-run').click();
  const cheaper = graph.getByTestId('graph-run-cheaper');
  await expect(cheaper).toContainText(/a sample of [\d,]+ papers, 5 neighbours/);
  const sample = Number(
    (/sample of ([\d,]+)/.exec((await cheaper.textContent()) ?? '')?.[1] ?? '').replace(/,/g, ''),
  );
  expect(sample).toBeGreaterThan(0);
  expect(sample).toBeLessThan(PAPERS);
  await cheaper.click();
  await expect(graph.getByTestId('graph-metrics')).toBeVisible({ timeout: 300_000 });
  await expect(graph.locator('[data-metric="nodes"] td')).toHaveText(String(sample));
  await expect(graph.getByTestId('graph-k')).toHaveValue('5');
  await expect(graph.getByTestId('graph-sample')).toContainText('seeded sample');
});
