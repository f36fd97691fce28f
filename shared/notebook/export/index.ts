// Notebook exporters: Markdown (GFM + `$…$` math), self-contained HTML (KaTeX rendered, plots as
// inline SVG, no external URLs) and Jupyter .ipynb (nbformat 4.5). Pure: the host supplies the
// paper lookup and the KaTeX stylesheet (reading files is the host's job).
import { toLines } from '../file-format';
import type { Cell, Notebook } from '../model';
import type { CellRegistry, ExportContext, IpynbCell, PaperRef } from '../registry';
import { tableOf } from '../tables';
import { citationHtml, citationMarkdown } from './citation';
import { escapeHtml } from './markup';

export { NOTEBOOK_EXPORT_FORMATS, type NotebookExportFormat } from './formats';
import type { NotebookExportFormat } from './formats';

export type ExportOptions = {
  registry: CellRegistry;
  paper?: (id: string) => PaperRef | undefined;
  /** KaTeX's CSS (fonts inlined as data: URLs by the host), embedded in HTML exports. */
  katexCss?: string;
};

function context(nb: Notebook, o: ExportOptions): ExportContext {
  return {
    notebook: nb,
    paper: o.paper ?? (() => undefined),
    table: (id) => tableOf(nb, id),
    citations: [],
  };
}

function unknownCell(cell: Cell): string {
  return `Cell of type "${cell.type}" (not supported by this exporter).`;
}

function references(ctx: ExportContext, format: 'md' | 'html'): string {
  if (ctx.citations.length === 0) return '';
  const items = ctx.citations.map((id, i) => {
    const p = ctx.paper(id);
    if (format === 'md')
      return `${i + 1}. <a id="ref-${i + 1}"></a>${p ? citationMarkdown(p) : `Paper ${id} (not in this library).`}`;
    return `<li id="ref-${i + 1}">${p ? citationHtml(p) : escapeHtml(`Paper ${id} (not in this library).`)}</li>`;
  });
  return format === 'md'
    ? `## References\n\n${items.join('\n')}`
    : `<section class="references"><h2>References</h2><ol>${items.join('')}</ol></section>`;
}

export function exportMarkdown(nb: Notebook, o: ExportOptions): string {
  const ctx = context(nb, o);
  const parts = [`# ${nb.title}`];
  for (const cell of nb.cells) {
    const t = o.registry.get(cell.type);
    parts.push(t ? t.exporters.markdown(cell, ctx) : `> ${unknownCell(cell)}`);
  }
  const refs = references(ctx, 'md');
  if (refs) parts.push(refs);
  return parts.filter((p) => p.trim() !== '').join('\n\n') + '\n';
}

// Nothing may be wider than the page: long lines wrap (code and status lines included), wide
// tables, plots and display math scroll inside their own box, long links break anywhere.
const PAGE_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;overflow-wrap:break-word}
pre{background:#f6f8fa;padding:.6rem;white-space:pre-wrap;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:.5rem 0;display:block;max-width:100%;overflow-x:auto}
th,td{border:1px solid #ccc;padding:.2rem .5rem}td{text-align:right}.cell{margin:1.2rem 0}
.paper-card{border:1px solid #ccc;border-radius:6px;padding:.6rem}.paper-card .meta{color:#555;font-size:.9em}
.error{color:#b00020}figure{margin:.5rem 0;max-width:100%;overflow-x:auto}svg{max-width:100%;height:auto}
.katex-display{overflow-x:auto;overflow-y:hidden}a{overflow-wrap:anywhere}`;

export function exportHtml(nb: Notebook, o: ExportOptions): string {
  const ctx = context(nb, o);
  const body = nb.cells.map((cell) => {
    const t = o.registry.get(cell.type);
    const inner = t
      ? t.exporters.html(cell, ctx)
      : `<p class="error">${escapeHtml(unknownCell(cell))}</p>`;
    return `<section class="cell ${escapeHtml(cell.type)}" id="cell-${escapeHtml(cell.id)}">\n${inner}\n</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="Quire">
<title>${escapeHtml(nb.title)}</title>
<style>${o.katexCss ?? ''}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
<h1>${escapeHtml(nb.title)}</h1>
${body.join('\n')}
${references(ctx, 'html')}
</body>
</html>
`;
}

export type IpynbNotebook = {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: IpynbCell[];
};

export function exportIpynb(nb: Notebook, o: ExportOptions): IpynbNotebook {
  const ctx = context(nb, o);
  const cells: IpynbCell[] = [
    {
      id: `${nb.id}-title`.slice(0, 64),
      cell_type: 'markdown',
      metadata: {},
      source: [`# ${nb.title}`],
    },
  ];
  for (const cell of nb.cells) {
    const t = o.registry.get(cell.type);
    cells.push(
      ...(t
        ? t.exporters.ipynb(cell, ctx)
        : [
            {
              id: cell.id,
              cell_type: 'raw' as const,
              metadata: { quire: { type: cell.type } },
              source: [unknownCell(cell)],
            },
          ]),
    );
  }
  const refs = references(ctx, 'md');
  if (refs)
    cells.push({
      id: `${nb.id}-refs`.slice(0, 64),
      cell_type: 'markdown',
      metadata: {},
      source: toLines(refs),
    });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      title: nb.title,
      // Tables, fits and graphs are exported as Python (pandas, SciPy, networkx).
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', file_extension: '.py', mimetype: 'text/x-python' },
      quire: { notebookId: nb.id, exportedFrom: 'quire-notebook' },
    },
    cells,
  };
}

/** One entry point: the exported text of a notebook in `format`. */
export function exportNotebook(
  nb: Notebook,
  format: NotebookExportFormat,
  o: ExportOptions,
): string {
  if (format === 'md') return exportMarkdown(nb, o);
  if (format === 'html') return exportHtml(nb, o);
  return JSON.stringify(exportIpynb(nb, o), null, 1) + '\n';
}
