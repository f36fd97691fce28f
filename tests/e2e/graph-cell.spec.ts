// Graph cell end to end: import the sample feed, add a graph cell on the library similarity graph,
// run it, see the communities coloured in the sigma view, and click a paper node to open it.
// Sigma draws with WebGL, so the node's position comes from the handle the view registers for
// tests (`window.__quireGraphViews[cellId].nodePosition`, i.e. sigma.graphToViewport).
import { existsSync } from 'node:fs';
import { FEED, expect, importFile, test, shootBothThemes } from './fixtures';

/** The handle GraphCellView's sigma view registers (renderer/…/cells/graph/SigmaGraph.tsx). */
type TestWindow = {
  __quireGraphViews?: Record<
    string,
    {
      sigma: {
        getGraph(): { degree(n: string): number; getNodeAttribute(n: string, a: string): unknown };
      };
      nodes(): { id: string; paper: boolean; community: number }[];
      nodePosition(id: string): { x: number; y: number } | null;
    }
  >;
};

test('library similarity graph: communities, a WebGL view, and a click opens the paper', async ({
  page,
  quire,
}) => {
  test.skip(!existsSync(FEED), '../shared/corpus not present (fresh clone)');
  test.setTimeout(180_000);
  await page.goto(quire.url);
  await importFile(page, FEED, 227);
  await page.getByTestId('import-done').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  await page.getByTestId('nav-notebooks').click();
  await page.getByTestId('notebook-new').click();
  await page.getByTestId('cell-add-graph').click();
  const cell = page.locator('[data-testid="cell"][data-cell-type="graph"]').last();
  const graph = cell.getByTestId('graph-cell');
  await expect(graph.getByTestId('graph-source')).toHaveValue('library-knn');
  await graph.getByTestId('graph-k').fill('8');
  await graph.getByTestId('graph-run').click();

  await expect(graph.getByTestId('graph-metrics')).toBeVisible({ timeout: 60_000 });
  await expect(graph.locator('[data-metric="nodes"] td')).toHaveText('227');
  const count = Number(await graph.getByTestId('graph-communities').getAttribute('data-count'));
  expect(count).toBeGreaterThan(1);
  const view = graph.getByTestId('graph-view');
  await expect(view.locator('canvas').first()).toBeAttached();
  await graph.scrollIntoViewIfNeeded();
  await shootBothThemes(page, 'graph-cell');

  // A paper node, its title and where sigma drew it.
  const cellId = await graph.getAttribute('data-cell-id');
  await expect
    .poll(() =>
      page.evaluate(
        (id) => Boolean((globalThis as unknown as TestWindow).__quireGraphViews?.[id!]),
        cellId,
      ),
    )
    .toBe(true);
  const target = await page.evaluate((id) => {
    const h = (globalThis as unknown as TestWindow).__quireGraphViews![id!]!;
    const g = h.sigma.getGraph();
    // The node with the most neighbours is drawn largest: the easiest to hit.
    const nodes = h.nodes().filter((n) => n.paper);
    nodes.sort((a, b) => g.degree(b.id) - g.degree(a.id));
    const n = nodes[0]!;
    return {
      id: n.id,
      title: String(g.getNodeAttribute(n.id, 'label')),
      pos: h.nodePosition(n.id)!,
    };
  }, cellId);
  // The whole view on screen (the cell is taller than the window; the node may sit low in it).
  await view.scrollIntoViewIfNeeded();
  const box = (await view.boundingBox())!;
  await page.mouse.move(box.x + target.pos.x, box.y + target.pos.y);
  await page.mouse.click(box.x + target.pos.x, box.y + target.pos.y);
  await expect(page.getByTestId('paper-title')).toHaveText(target.title);
});
