// Exporters: Markdown keeps math and makes GFM tables, HTML renders math with KaTeX and plots as
// inline SVG with no external URLs, .ipynb validates against the nbformat v4.5 schema.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../cells/index';
import type { Notebook } from '../model';
import type { PaperRef } from '../registry';
import { sampleNotebook } from '../sample';
import { exportHtml, exportIpynb, exportMarkdown, exportNotebook } from './index';
import { splitMath } from './markup';
import schema from './nbformat-v4.5.schema.json';

const registry = createDefaultRegistry();
const papers: Record<string, PaperRef> = {
  p1: {
    id: 'p1',
    title: 'Training Compute-Optimal Large Language Models',
    authors: ['Jordan Hoffmann', 'Sebastian Borgeaud', 'Arthur Mensch', 'Elena Buchatskaya'],
    year: 2022,
    venue: 'NeurIPS',
    doi: '',
    arxivId: '2203.15556',
    url: '',
  },
};
const opts = { registry, paper: (id: string) => papers[id] };

function ran(): Notebook {
  const nb = sampleNotebook();
  nb.cells.find((c) => c.id === 'js1')!.outputs = [
    { kind: 'console', level: 'log', text: 'rows 4' },
    {
      kind: 'table',
      columns: ['compute', 'logLoss'],
      rows: [
        [1, 1.41],
        [10, 1.16],
      ],
    },
  ];
  nb.cells.find((c) => c.id === 'fit1')!.outputs = [
    { kind: 'json', value: { r2: 0.99 } },
    { kind: 'text', text: 'converged' },
    { kind: 'error', name: 'Warning', message: 'demo' },
    { kind: 'svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>' },
  ];
  nb.cells.push({
    id: 'g1',
    type: 'timeline',
    data: {},
    outputs: [],
    inputsHash: null,
    ranAt: null,
  });
  return nb;
}

describe('math segmentation', () => {
  it('finds inline and display math, not prices or code', () => {
    const segs = splitMath('a $x^2$ b $$\\sum_i$$ $5 and $10 `$y$` \\$z$');
    expect(segs.filter((s) => s.math)).toEqual([
      { math: true, display: false, text: 'x^2' },
      { math: true, display: true, text: '\\sum_i' },
    ]);
  });
});

describe('markdown export', () => {
  it('keeps math, cites papers, writes GFM tables and inline SVG plots', () => {
    const md = exportMarkdown(ran(), opts);
    expect(md).toContain('# Scaling laws, revisited');
    expect(md).toContain('$L(C) = E + A C^{-\\alpha}$');
    expect(md).toContain('$$\\hat\\alpha');
    expect(md).toContain('Chinchilla [[1]](#ref-1)');
    expect(md).toContain('| compute | loss | date | note |');
    expect(md).toContain('| ---: | ---: | --- | --- |');
    expect(md).toContain('small \\| tiny');
    expect(md).toMatch(/!\[Loss vs compute\]\(data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(md).toContain('```js\nconst rows');
    expect(md).toContain('## References');
    expect(md).toContain('https://arxiv.org/abs/2203.15556');
    expect(md).toContain('Cell of type "timeline"');
  });
});

describe('HTML export', () => {
  it('renders math with KaTeX, plots as inline SVG, and links nothing external but citations', () => {
    const html = exportHtml(ran(), { ...opts, katexCss: '.katex{font:normal 1.21em KaTeX_Main}' });
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<math');
    expect(html).toContain('katex-display');
    expect(html).not.toContain('$L(C)');
    expect(html).toContain('$5 and $10');
    expect(html).toMatch(
      /<figure class="plot"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<path d="M/,
    );
    expect(html).toContain('<table class="data">');
    // No resource is fetched from anywhere: no src= or stylesheet links, only citation anchors.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/\bsrc=/);
    const external = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(external.every((u) => u === 'https://arxiv.org/abs/2203.15556')).toBe(true);
  });

  it('shows raw HTML in a markdown cell as text', () => {
    const nb = sampleNotebook();
    nb.cells = [
      {
        id: 'x',
        type: 'markdown',
        source: '<script>alert(1)</script> **b**',
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ];
    const html = exportHtml(nb, opts);
    expect(html).not.toContain('<script>');
    expect(html).toContain('<strong>b</strong>');
  });
});

describe('ipynb export', () => {
  it('validates against the nbformat v4.5 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(exportNotebook(ran(), 'ipynb', opts)) as unknown;
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const nb = exportIpynb(ran(), opts);
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    // A Python notebook cannot run JavaScript: the code and its outputs stay as Markdown.
    const js = nb.cells.find((c) => c.id === 'js1')!;
    expect(js.cell_type).toBe('markdown');
    expect(js.source.join('')).toContain('not executable in this Python notebook');
    expect(js.source.join('')).toContain('```js\nconst rows');
    expect(js.source.join('')).toContain('| compute | logLoss |');
    const plot = nb.cells.find((c) => c.id === 'plot1')!;
    const data = plot.outputs?.[0];
    expect(data && 'data' in data && Object.keys(data.data)).toContain('image/svg+xml');
    // The schema does catch mistakes.
    expect(validate({ ...nb, nbformat_minor: 4 })).toBe(false);
    expect(
      validate({ ...nb, cells: [{ cell_type: 'code', id: 'a', metadata: {}, source: [] }] }),
    ).toBe(false);
  });
});
