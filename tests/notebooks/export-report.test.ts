// Exports a colleague can use (issue 14, item 6): fit values as value ± uncertainty with the
// uncertainty to 2 significant digits and statistics to 4, references as full citations, and a
// Python 3 .ipynb whose cells are Markdown, pandas, SciPy and networkx code (nbformat 4.5 valid).
// Runs on the fixture notebook computed by the real engines (tests/support/export-notebook.ts).
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  exportHtml,
  exportIpynb,
  exportMarkdown,
  exportNotebook,
} from '@shared/notebook/export/index';
import schema from '@shared/notebook/export/nbformat-v4.5.schema.json';
import { paper, ranExportNotebook, registry } from '../support/export-notebook';

const opts = { registry, paper };

/** Text a reader sees: SVG drawings and data: URLs (coordinates, not reported numbers) removed. */
const visible = (s: string) =>
  s.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>').replace(/data:image\/svg\+xml[^)"\s]*/g, 'data:');

/** The first number printed with more than 7 significant digits (e.g. 1.6099933470581238). */
function longNumber(text: string): string | undefined {
  // Not identifiers: arXiv ids and DOIs sit next to ':', '/' or '.'.
  return [...text.matchAll(/(?<![\w./:])\d+\.\d+(?![\w./])/g)]
    .map((m) => m[0])
    .find((n) => n.replace('.', '').replace(/^0+/, '').length > 7);
}

/** Every "value ± uncertainty" pair: the uncertainty has 2 significant digits, the value its place. */
function checkPairs(text: string): number {
  const pairs = [...text.matchAll(/(-?\d+(?:\.(\d+))?) ± (\d+(?:\.(\d+))?)/g)];
  for (const [whole, , valueDecimals = '', err = '', errDecimals = ''] of pairs) {
    const significant = err.replace('.', '').replace(/^0+/, '');
    expect(significant.length, `${whole}: the uncertainty has 2 significant digits`).toBe(2);
    expect(valueDecimals.length, `${whole}: value rounded where the uncertainty is`).toBe(
      errDecimals.length,
    );
  }
  return pairs.length;
}

describe('numbers in exports', () => {
  it('prints fit values as value ± uncertainty and statistics to 4 s.f. in Markdown, HTML and .ipynb', async () => {
    const nb = await ranExportNotebook();
    const md = visible(exportMarkdown(nb, opts));
    const html = visible(exportHtml(nb, opts));
    // The .ipynb's code embeds the data at full precision on purpose; what it shows are the outputs.
    const ipynbShown = visible(
      JSON.stringify(
        exportIpynb(nb, opts).cells.map((c) => (c.cell_type === 'code' ? c.outputs : c.source)),
      ),
    );
    for (const [format, text] of [
      ['md', md],
      ['html', html],
      ['ipynb', ipynbShown],
    ] as const) {
      expect(longNumber(text), `${format}: no 16-digit float`).toBeUndefined();
      // 6 fits, 19 parameters in all.
      expect(checkPairs(text), `${format}: value ± uncertainty pairs`).toBeGreaterThanOrEqual(19);
      // R² to 4 significant digits, more only where 4 would round it to a perfect 1.
      for (const m of text.matchAll(/R² = ([\d.]+)/g)) {
        const digits = m[1]!.replace('.', '').replace(/^0+/, '').length;
        if (Number(Number(m[1]).toPrecision(4)) !== 1)
          expect(digits, `${format} R² = ${m[1]}`).toBeLessThanOrEqual(4);
        else expect(Number(m[1]), `${format} R² = ${m[1]} is not rounded to 1`).toBeLessThan(1);
      }
    }
    expect(md).toMatch(/\| parameter \| value ± std\. error \| 95 % interval \|/);
    expect(md).toMatch(/\| alpha \| 0\.\d+ ± 0\.\d+ \| \[0\.\d+, 0\.\d+\] \|/);
    expect(html).toMatch(/<td>alpha<\/td><td>0\.\d+ ± 0\.\d+<\/td>/);
  });
});

describe('references in exports', () => {
  it('cites authors, year, title, venue and a DOI link; a paper without authors reads cleanly', async () => {
    const nb = await ranExportNotebook();
    const md = exportMarkdown(nb, opts);
    expect(md).toContain(
      '1. <a id="ref-1"></a>Hoffmann, J., Borgeaud, S., Mensch, A., & Buchatskaya, E. (2022). ' +
        'Training Compute-Optimal Large Language Models. ' +
        '*Advances in Neural Information Processing Systems*. <https://doi.org/10.48550/arXiv.2203.15556>',
    );
    expect(md).toContain(
      '2. <a id="ref-2"></a>A Dynamical Model of Neural Scaling Laws. (2024). ' +
        '*arXiv preprint arXiv:2402.01092*. <https://arxiv.org/abs/2402.01092>',
    );
    expect(md).not.toMatch(/\d\. (<a [^>]*><\/a>)?\. /);
    const html = exportHtml(nb, opts);
    expect(html).toContain(
      '<li id="ref-1">Hoffmann, J., Borgeaud, S., Mensch, A., &#38; Buchatskaya, E. (2022). ' +
        'Training Compute-Optimal Large Language Models. <i>Advances in Neural Information Processing Systems</i>. ' +
        '<a class="link" href="https://doi.org/10.48550/arXiv.2203.15556">https://doi.org/10.48550/arXiv.2203.15556</a></li>',
    );
    expect(html).not.toContain('<li id="ref-2">. ');
  });
});

describe('.ipynb export for a Python user', () => {
  it('is a Python 3 notebook: Markdown cells, pandas tables, SciPy fits, networkx graphs, JavaScript as Markdown', async () => {
    const nb = await ranExportNotebook();
    const doc = exportIpynb(nb, opts);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    validate(JSON.parse(exportNotebook(nb, 'ipynb', opts)));
    expect(validate.errors ?? []).toEqual([]);
    expect(doc.metadata.kernelspec).toEqual({
      name: 'python3',
      display_name: 'Python 3',
      language: 'python',
    });
    expect(doc.metadata.language_info).toMatchObject({ name: 'python' });
    const byId = (id: string) => doc.cells.find((c) => c.id === id)!;
    const src = (id: string) => byId(id).source.join('');
    expect(byId('intro').cell_type).toBe('markdown');
    expect(byId('runs').cell_type).toBe('code');
    expect(src('runs')).toContain('runs = pd.DataFrame({');
    expect(byId('fit_chinchilla').cell_type).toBe('code');
    expect(src('fit_chinchilla')).toContain('from scipy.optimize import curve_fit');
    expect(src('fit_chinchilla')).toContain('return E + A / N ** alpha + B / D ** beta');
    expect(src('fit_erf')).toContain('sp.erf((x - x0) / w)');
    expect(src('fit_weighted')).toContain('sigma=sigma, absolute_sigma=False, bounds=bounds');
    expect(src('fit_loglog')).toContain('np.log(y)');
    expect(src('karate')).toContain('import networkx as nx');
    expect(byId('js1').cell_type).toBe('markdown');
    expect(src('js1')).toContain('not executable in this Python notebook');
    // Nothing a Python kernel would choke on: no JavaScript comment stubs as code.
    for (const c of doc.cells.filter((c) => c.cell_type === 'code'))
      expect(c.source[0] ?? '', c.id).not.toMatch(/^\/\//);
  });
});
