// One library, two processes: papers that `quire import` adds while the app is open appear in the
// library view (and its count) without a reload.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, importFile, ROOT, SAMPLE_BIB, test } from './fixtures';

const run = promisify(execFile);

const PAPERS = [
  {
    title: 'Echo Chambers in Invented Citation Networks',
    abstract: 'We grow toy citation graphs.',
  },
  {
    title: 'A Ledger of Imaginary Optimisers',
    abstract: 'Optimisers that never existed, compared.',
  },
  { title: 'Quiet Gradients in Fictional Transformers', abstract: 'Gradient noise, made up.' },
];

test('papers imported from the CLI while the app is open appear without a reload', async ({
  page,
  quire,
}) => {
  test.setTimeout(180_000);
  await page.goto(quire.url);
  await importFile(page, SAMPLE_BIB, 6);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('library-count')).toHaveText('6 papers');

  const dir = await mkdtemp(join(tmpdir(), 'quire-live-'));
  try {
    const file = join(dir, 'more.jsonl');
    await writeFile(file, PAPERS.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bin/quire.mjs'), 'import', file, '--library', quire.library, '--json'],
      { cwd: ROOT, env: { ...process.env, QUIRE_LIBRARY: '' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ imported: 3 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // No reload, no click: the open view catches up by itself.
  await expect(page.getByTestId('library-count')).toHaveText('9 papers', { timeout: 15_000 });
  await expect(
    page.getByTestId('paper-row').filter({ hasText: 'A Ledger of Imaginary Optimisers' }),
  ).toBeVisible();
});
