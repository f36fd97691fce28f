// The renderer under Quire's Content Security Policy: KaTeX, the SVG plot and sigma render with no CSP
// violation, and the policy is really enforced (an injected inline script is refused). Browser mode
// serves renderer/index.html, whose meta policy equals the app:// header minus frame-ancestors
// (electron/main/content-security-policy.test.ts), so this is the desktop window's policy too.
import { expect, importFile, SAMPLE_BIB, test } from './fixtures';

type Violation = { directive: string; blocked: string; sample: string; source: string };
type CspWindow = { __cspViolations: Violation[]; __inlineRan?: boolean };
/** The DOM bits used inside the page (this file compiles without the DOM library). */
type PageDocument = {
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (e: {
      violatedDirective: string;
      blockedURI: string;
      sample: string;
      sourceFile: string;
      lineNumber: number;
      columnNumber: number;
    }) => void,
  ): void;
  createElement(tag: 'script'): { textContent: string };
  head: { append(node: unknown): void };
  fonts: { ready: Promise<unknown> };
};
// Functions run in the page are serialised, so each one reaches `document` itself.

test('KaTeX, the SVG plot and sigma render without a CSP violation; inline script is refused', async ({
  page,
  quire,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = globalThis as unknown as CspWindow;
    w.__cspViolations = [];
    (globalThis as unknown as { document: PageDocument }).document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        w.__cspViolations.push({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        }),
    );
  });
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
  const violations = () =>
    page.evaluate(() => (globalThis as unknown as CspWindow).__cspViolations);

  await page.goto(quire.url);
  await importFile(page, SAMPLE_BIB, 6);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  // Every view once.
  for (const nav of ['nav-search', 'nav-settings', 'nav-library', 'nav-notebooks']) {
    const item = page.getByTestId(nav);
    if (await item.count()) await item.click();
  }

  await page.getByTestId('notebook-new').click();
  // KaTeX: fonts (some inlined as data: URLs) and style attributes.
  await page.getByTestId('cell-add-markdown').click();
  const md = page.locator('[data-testid="cell"][data-cell-type="markdown"]').last();
  await md.getByTestId('cell-editor').fill('Energy $E = mc^2$\n\n$$\\sum_i x_i$$');
  await md.getByTestId('cell-editor').press('Escape');
  await expect(md.getByTestId('markdown-preview').locator('.katex')).toHaveCount(2);
  await page.evaluate(
    () => (globalThis as unknown as { document: PageDocument }).document.fonts.ready,
  );

  // The plot cell: an SVG chart styled by the app's stylesheet.
  await page.getByTestId('cell-add-table').click();
  const table = page.locator('[data-testid="cell"][data-cell-type="table"]').last();
  await table.getByTestId('table-paste').fill('compute,loss\n1,3.2\n10,2.9\n100,2.5\n');
  await table.getByTestId('table-paste-apply').click();
  await table.getByTestId('cell-name').fill('runs');
  await page.getByTestId('cell-add-plot').click();
  const plot = page.locator('[data-testid="cell"][data-cell-type="plot"]').last();
  await plot.getByTestId('plot-source').selectOption('runs');
  await expect(plot.getByTestId('plot-chart').locator('circle').first()).toBeVisible();

  // sigma: WebGL over the library's similarity graph.
  await page.getByTestId('cell-add-graph').click();
  const graph = page.locator('[data-testid="cell"][data-cell-type="graph"]').last();
  await graph.getByTestId('graph-k').fill('2');
  await graph.getByTestId('graph-run').click();
  await expect(graph.getByTestId('graph-metrics')).toBeVisible({ timeout: 60_000 });
  await expect(graph.getByTestId('graph-view').locator('canvas').first()).toBeAttached();

  expect(await violations()).toEqual([]);
  expect(refusals).toEqual([]);

  // The policy is live: a script injected into the page does not run, and the listener hears it.
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const s = doc.createElement('script');
    s.textContent = '(globalThis).__inlineRan = true;';
    doc.head.append(s);
  });
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  expect((await violations())[0]?.directive).toMatch(/^script-src/);
  expect(await page.evaluate(() => (globalThis as unknown as CspWindow).__inlineRan)).toBe(
    undefined,
  );
});
