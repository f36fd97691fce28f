// Browser mode resumes embeddings on open: another process (as the CLI would) imports 2,000 papers
// into the library the server has open and stops before embedding them; the page shows how many
// papers have no vectors, embeds them with progress by itself, and search then answers without a
// "found by keywords only" notice.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, expect, test } from './fixtures';

const run = promisify(execFile);
const N = 2_000;

test('papers left without vectors by another process are embedded on open', async ({
  page,
  quire,
}) => {
  test.setTimeout(240_000);
  const helper = join(ROOT, 'tests/e2e/fixtures/import-without-vectors.ts');
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', helper, quire.library, String(N)],
    { cwd: ROOT },
  );
  expect(JSON.parse(stdout)).toEqual({ imported: N, missing: N });

  await page.goto(quire.url);
  await expect(page.getByTestId('library-count')).toHaveText('2,000 papers');
  const banner = page.getByTestId('embeddings-status');
  await expect(banner).toContainText('papers have no vectors yet');
  await expect(banner.getByTestId('embeddings-cancel')).toBeVisible();
  await expect(banner).toBeHidden({ timeout: 180_000 });

  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('protein binding');
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-answered', 'protein binding');
  await expect(page.getByTestId('search-hit-title').first()).toBeVisible();
  await expect(page.getByTestId('search-notice')).toHaveCount(0);
});
