// Search explains its matches: on the sample feed, a paraphrase with an abbreviation and a compound
// spelled differently from the papers ("GNN oversquashing") lists the expansions it used under each
// result ("GNN ≈ graph neural network", "oversquashing = over-squashing").
import { existsSync } from 'node:fs';
import { FEED, expect, importFile, shootBothThemes, test } from './fixtures';

test('search: a paraphrase query shows its expansions in the results', async ({ page, quire }) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(180_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await page.getByTestId('nav-search').click();

  const query = 'GNN oversquashing';
  await page.getByTestId('search-input').fill(query);
  await expect(page.getByTestId('search-view')).toHaveAttribute('data-answered', query);

  // A paper that writes "over-squashing" and "graph neural networks", never "oversquashing"/"GNN".
  const hit = page
    .getByTestId('search-hit')
    .filter({ hasText: 'On Over-Squashing in Message Passing Neural Networks' });
  await expect(hit).toHaveCount(1);
  const why = hit.getByTestId('search-hit-why');
  await expect(why).toContainText('GNN ≈ graph neural network');
  await expect(why).toContainText('oversquashing = over-squashing');
  await expect(why.locator('[data-kind="alias"]')).toHaveAttribute(
    'title',
    /abbreviation defined in your library/,
  );
  // The paper that writes the query's own words says so, without expansions it does not contain.
  const literal = page
    .getByTestId('search-hit')
    .filter({ hasText: 'Understanding Oversquashing in GNNs' });
  await expect(literal.getByTestId('search-hit-why')).toContainText('oversquashing');
  await expect(literal.locator('[data-kind="compound"]')).toHaveCount(0);
  await shootBothThemes(page, 'search-explain');
});
