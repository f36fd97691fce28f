// Fit charts in the exports: the fit cell (run with the real shared/fit engine) is drawn as SVG with
// labelled ticks on both axes and the fitted curve, inline in Markdown and HTML and as an
// image/svg+xml output in .ipynb (validated by Debian's nbformat when python3 has it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fit } from '../../fit/index';
import { exportHtml, exportIpynb, exportNotebook, exportMarkdown } from '../export/index';
import { renderSvgPlot } from '../export/svg-plot';
import type { Cell, Notebook } from '../model';
import { createDefaultRegistry } from './index';

const registry = createDefaultRegistry();
/** Debian's python3 (with python3-nbformat) rather than whichever python3 is first on PATH. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** loss = 1.7 + 400·C^−0.3 over 1e15…1e21 (the e2e test's law): y spans far less than a decade. */
function scalingRows(): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 9);
    return [c, (1.7 + 400 * c ** -0.3) * (1 + 1e-5 * Math.sin(7 * i + 1))];
  });
}

const cell = (c: Partial<Cell> & Pick<Cell, 'id' | 'type'>): Cell => ({
  outputs: [],
  inputsHash: null,
  ranAt: null,
  ...c,
});

async function fittedNotebook(model = 'power-law-offset'): Promise<Notebook> {
  const nb: Notebook = {
    id: 'nb-fit-chart',
    title: 'Fit chart',
    cells: [
      cell({
        id: 'runs',
        type: 'table',
        name: 'runs',
        data: {
          columns: [
            { name: 'compute', type: 'number' },
            { name: 'loss', type: 'number' },
          ],
          rows: scalingRows(),
        },
      }),
      cell({
        id: 'fit1',
        type: 'fit',
        data: { source: 'runs', x: 'compute', y: 'loss', model },
      }),
    ],
  } as Notebook;
  const fitCell = nb.cells[1]!;
  fitCell.outputs = await registry.get('fit')!.run!(fitCell, {
    notebook: nb,
    signal: new AbortController().signal,
    runJavaScript: () => Promise.reject(new Error('no JavaScript here')),
    fit: (m, data, options) => Promise.resolve(fit(m, data, options)),
  });
  return nb;
}

/** Tick labels of one axis of an exported SVG (class tick-x / tick-y). */
const ticks = (svg: string, axis: 'x' | 'y') =>
  [...svg.matchAll(new RegExp(`<text [^>]*class="tick-${axis}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (m) => m[1],
  );

function checkChart(svg: string) {
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(ticks(svg, 'x').length).toBeGreaterThanOrEqual(2);
  expect(ticks(svg, 'y').length).toBeGreaterThanOrEqual(2);
  // The fitted curve (a path), and the ten data points.
  expect(svg).toMatch(/<path d="M[^"]+" [^>]*class="series-curve"/);
  expect(svg.match(/<circle /g)?.length).toBe(10);
  // A legend names both.
  expect(svg).toMatch(/>data<\/text>/);
  expect(svg).toMatch(/>fit<\/text>/);
}

describe('fit chart in the exports', () => {
  it('draws the fitted curve and labelled ticks on both (log) axes in Markdown', async () => {
    const nb = await fittedNotebook();
    const md = exportMarkdown(nb, { registry });
    const m = /!\[fit power-law-offset[^\]]*\]\(data:image\/svg\+xml;charset=utf-8,([^)]+)\)/.exec(
      md,
    );
    expect(m, 'the fit cell writes its chart').not.toBeNull();
    const svg = decodeURIComponent(m![1]!);
    checkChart(svg);
    // Log-log as the app shows the power-law family: decade labels on x (1e15 … 1e21).
    expect(ticks(svg, 'x')).toContain('1e18');
  });

  it('writes the chart inline in HTML', async () => {
    const html = exportHtml(await fittedNotebook(), { registry });
    const section = html.slice(html.indexOf('id="cell-fit1"'));
    const m = /<figure class="plot">(<svg [\s\S]*?<\/svg>)/.exec(section);
    expect(m, 'the fit section holds an inline SVG figure').not.toBeNull();
    checkChart(m![1]!);
  });

  it('adds an image/svg+xml display_data output in .ipynb, valid nbformat 4', async (t) => {
    const nb = await fittedNotebook();
    const ipynb = exportIpynb(nb, { registry });
    const fitOut = ipynb.cells.find((c) => c.id === 'fit1')?.outputs ?? [];
    const image = fitOut.find((o) => o.output_type === 'display_data' && 'image/svg+xml' in o.data);
    expect(image, 'an SVG output').toBeDefined();
    const data = image && 'data' in image ? image.data['image/svg+xml'] : undefined;
    checkChart([data ?? []].flat().join(''));

    let hasNbformat = true;
    try {
      execFileSync(PYTHON, ['-c', 'import nbformat'], { stdio: 'ignore' });
    } catch {
      hasNbformat = false;
    }
    if (!hasNbformat) {
      t.skip(`${PYTHON} with nbformat is not installed: the nbformat validation is skipped`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'quire-fit-ipynb-'));
    const file = join(dir, 'fit.ipynb');
    writeFileSync(file, exportNotebook(nb, 'ipynb', { registry }));
    const script =
      'import sys, nbformat; nb = nbformat.read(sys.argv[1], 4); nbformat.validate(nb); ' +
      'print(sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})))';
    try {
      const out = execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
      // The plot-free notebook has exactly one chart: the fit's.
      expect(out.trim()).toBe('1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes no chart for a fit that has not run', async () => {
    const nb = await fittedNotebook();
    nb.cells[1]!.outputs = [];
    expect(exportMarkdown(nb, { registry })).not.toContain('data:image/svg+xml');
  });
});

describe('exported plot axes', () => {
  it('labels a log y axis spanning less than a decade', () => {
    const svg = renderSvgPlot({
      kind: 'scatter',
      logX: true,
      logY: true,
      series: [{ label: 'loss', points: scalingRows() }],
    });
    const y = ticks(svg, 'y');
    expect(y.length).toBeGreaterThanOrEqual(2);
    expect(new Set(y).size).toBe(y.length);
  });

  it('keeps every tick label inside the picture (right-most x, widest y)', () => {
    const W = 560;
    const svg = renderSvgPlot({
      kind: 'line',
      logX: false,
      logY: false,
      width: W,
      series: [
        {
          label: 'v',
          points: [
            [0, 0.000123],
            [987654.3, 0.000456],
          ],
        },
      ],
    });
    for (const m of svg.matchAll(/<text x="([\d.]+)"[^>]*class="tick-x"[^>]*>([^<]*)</g)) {
      const half = (m[2]!.length * 11 * 0.6) / 2;
      expect(Number(m[1]) + half).toBeLessThanOrEqual(W);
      expect(Number(m[1]) - half).toBeGreaterThanOrEqual(0);
    }
    for (const m of svg.matchAll(/<text x="([\d.]+)"[^>]*class="tick-y"[^>]*>([^<]*)</g))
      expect(Number(m[1]) - m[2]!.length * 11 * 0.6).toBeGreaterThanOrEqual(0);
  });
});
