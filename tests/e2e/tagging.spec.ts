// Tagging end to end (browser mode): import the feed, describe two tags, run suggestions, review in
// the queue with the keyboard (a accepts, r rejects), the accepted tag reaches the library's tag
// filter, a rejected suggestion does not come back after another run; screenshots of the queue and
// of a paper's suggestions in light and dark.
import { existsSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { FEED, expect, importFile, shootBothThemes, test } from './fixtures';

const TAGS = [
  {
    name: 'mixture-of-experts',
    description:
      'Sparse models that route each token to a few expert subnetworks chosen by a learned gate.',
  },
  {
    name: 'diffusion-models',
    description:
      'Generative models that create images by learning to reverse a gradual noising process.',
  },
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function addTag(page: Page, name: string, description: string): Promise<void> {
  const form = page.getByTestId('tag-create');
  await form.getByTestId('tag-create-name').fill(name);
  await form.getByTestId('tag-create-description').fill(description);
  await form.getByTestId('tag-create-submit').click();
  const row = page.locator(`[data-testid="vocab-row"][data-tag="${name}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(description);
}

/** Runs suggestions with a tagger and waits for the result of run number `n` of this page. */
async function runSuggestions(page: Page, tagger: string, n: number): Promise<void> {
  await page.getByTestId('run-tagger').selectOption(tagger);
  await page.getByTestId('run-suggestions').click();
  await expect(page.getByTestId('run-result')).toHaveAttribute('data-run', String(n), {
    timeout: 120_000,
  });
}

async function selectedRow(page: Page): Promise<{ row: Locator; tag: string; title: string }> {
  const row = page.locator('[data-testid="queue-row"][aria-selected="true"]');
  await expect(row).toHaveCount(1);
  const tag = (await row.getAttribute('data-tag')) ?? '';
  const title = (await row.getByTestId('queue-title').textContent()) ?? '';
  return { row, tag, title };
}

/**
 * Enter opens the selected paper: its pending suggestions show in the pane with Accept / Reject;
 * back in the queue, it kept its place and has the focus again.
 */
async function openFromQueue(page: Page, rows: Locator): Promise<void> {
  await rows.first().click();
  await expect(page.getByTestId('queue-list')).toBeFocused();
  const open = await selectedRow(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('paper-title')).toHaveText(open.title);
  const pending = page.locator(`[data-testid="paper-suggestion"][data-tag="${open.tag}"]`);
  await expect(pending).toBeVisible();
  await expect(pending).toContainText(/0\.\d\d|1\.00/);
  await pending.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'tagging-paper-suggestions');

  // Back in the queue, it kept its place and has the focus again.
  await page.getByTestId('nav-tags').click();
  await expect(page.getByTestId('queue-list')).toBeFocused();
}

test('tagging: describe tags, run suggestions, review with the keyboard, filter, re-run', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(420_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('library-count')).toHaveText('227 papers');

  // Zero-shot compares papers with tags in the embedding space: wait until every paper has a vector.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('embeddings-status')).toContainText('All 227 papers are embedded', {
    timeout: 240_000,
  });
  await page.getByTestId('llm-settings').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('llm-url')).toBeVisible();
  await shootBothThemes(page, 'settings-llm');

  // An empty vocabulary: the queue says what to do.
  await page.getByTestId('nav-tags').click();
  await expect(page.getByTestId('queue-empty')).toContainText(
    'Add tags with a one-sentence description, then run suggestions.',
  );
  await page.getByTestId('tab-vocabulary').click();
  for (const t of TAGS) await addTag(page, t.name, t.description);
  await expect(page.getByTestId('vocab-row')).toHaveCount(2);
  await shootBothThemes(page, 'tagging-vocabulary');

  // First run: zero-shot, the only tagger that needs no labels.
  await page.getByTestId('tab-review').click();
  await runSuggestions(page, 'zero-shot', 1);
  const rows = page.getByTestId('queue-row');
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  // Every suggestion names one of the two tags, with a score and its evidence in the detail panel.
  for (const tag of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag'))))
    expect(TAGS.map((t) => t.name)).toContain(tag);
  await expect(page.getByTestId('queue-detail')).toContainText('score');
  await expect(page.getByTestId('evidence')).toBeVisible();
  await shootBothThemes(page, 'tagging-queue');

  await openFromQueue(page, rows);

  // Keyboard review: the list takes focus; j / k move the selection.
  await rows.first().click();
  await expect(page.getByTestId('queue-list')).toBeFocused();
  const first = await selectedRow(page);
  await page.keyboard.press('j');
  const second = await selectedRow(page);
  expect(second.title + second.tag).not.toBe(first.title + first.tag);
  await page.keyboard.press('k');
  expect((await selectedRow(page)).title).toBe(first.title);

  // a accepts the first; the next one moves up under the cursor and r rejects it.
  const total = Number(((await page.getByTestId('queue-count').textContent()) ?? '').split(' ')[0]);
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-status')).toHaveText(
    `Accepted ${first.tag} for ${first.title}`,
  );
  const rejected = await selectedRow(page);
  await page.keyboard.press('r');
  await expect(page.getByTestId('queue-status')).toHaveText(
    `Rejected ${rejected.tag} for ${rejected.title}`,
  );
  await expect(page.getByTestId('queue-count')).toHaveText(`${total - 2} to review`);

  // u undoes the reject, r rejects it again: the queue is back where it was.
  await page.keyboard.press('u');
  await expect(page.getByTestId('queue-status')).toHaveText(
    `Undid: reject ${rejected.tag} for ${rejected.title}`,
  );
  expect((await selectedRow(page)).title).toBe(rejected.title);
  await page.keyboard.press('r');
  await expect(page.getByTestId('queue-count')).toHaveText(`${total - 2} to review`);

  // Bulk accept counts before it accepts (Shift+A); closed here without accepting.
  await page.keyboard.press('Shift+A');
  await expect(page.getByTestId('bulk-count')).toHaveText(/pending suggestion|No pending/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-dialog')).toBeHidden();

  // The accepted tag is the paper's now: it is in the library's tag filter and finds the paper.
  await page.getByTestId('nav-library').click();
  const filter = page.getByTestId('tag-filter');
  await expect(
    filter.locator('option', { hasText: new RegExp(`^${esc(first.tag)} \\(\\d+\\)$`) }),
  ).toHaveCount(1);
  await filter.selectOption(first.tag);
  await expect(page.getByTestId('paper-row').filter({ hasText: first.title })).toBeVisible();
  await filter.selectOption('');

  // Another run (auto: neighbours blend in now that a tag has an accepted paper) must not bring
  // back the rejected suggestion, nor the accepted one as pending.
  await page.getByTestId('nav-tags').click();
  await runSuggestions(page, 'auto', 2);
  const queue = page.getByTestId('review-queue');
  await page.getByTestId('queue-tag').selectOption(rejected.tag);
  await expect(queue).toHaveAttribute('data-loaded-tag', rejected.tag);
  await expect(
    page.locator(`[data-testid="queue-row"][data-tag="${rejected.tag}"]`).filter({
      has: page.getByTestId('queue-title').getByText(rejected.title, { exact: true }),
    }),
  ).toHaveCount(0);
  await page.getByTestId('queue-tag').selectOption(first.tag);
  await expect(queue).toHaveAttribute('data-loaded-tag', first.tag);
  await expect(
    page.locator(`[data-testid="queue-row"][data-tag="${first.tag}"]`).filter({
      has: page.getByTestId('queue-title').getByText(first.title, { exact: true }),
    }),
  ).toHaveCount(0);
});
