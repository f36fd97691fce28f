// Plot cell: a stored spec (line | scatter, x/y columns of a table cell or another cell's table
// output, log axes). The app draws it with the UI's chart library; exports draw static SVG.
import { z } from 'zod';
import { toLines } from '../file-format';
import { escapeHtml } from '../export/markup';
import { pyComment, pyString } from '../export/python';
import { renderSvgPlot, svgDataUrl } from '../export/svg-plot';
import { findCell, type Cell } from '../model';
import type { CellType, ExportContext } from '../registry';
import { numericColumn } from '../tables';

export const PlotCellDataSchema = z.object({
  kind: z.enum(['line', 'scatter']),
  /** Id or name of the cell whose table is plotted. */
  source: z.string().max(100),
  x: z.string().max(200),
  /** One or more y columns, one series each. */
  y: z.array(z.string().max(200)).min(1).max(12),
  logX: z.boolean().default(false),
  logY: z.boolean().default(false),
  title: z.string().max(300).optional(),
  xLabel: z.string().max(200).optional(),
  yLabel: z.string().max(200).optional(),
});
export type PlotCellData = z.infer<typeof PlotCellDataSchema>;

/** The plot as SVG, or an explanation when its data is missing. */
export function plotSvg(
  cell: Cell,
  ctx: Pick<ExportContext, 'table'>,
): { svg: string } | { error: string } {
  const d = PlotCellDataSchema.parse(cell.data);
  const t = ctx.table(d.source);
  if (!t) return { error: `No table "${d.source}" to plot (run the cell that makes it?)` };
  const missing = [d.x, ...d.y].filter((c) => !t.columns.includes(c));
  if (missing.length)
    return {
      error: `Table "${d.source}" has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
    };
  const xs = numericColumn(t, d.x);
  return {
    svg: renderSvgPlot({
      kind: d.kind,
      logX: d.logX,
      logY: d.logY,
      title: d.title,
      xLabel: d.xLabel ?? d.x,
      yLabel: d.yLabel ?? (d.y.length === 1 ? d.y[0] : undefined),
      series: d.y.map((col) => {
        const ys = numericColumn(t, col);
        return { label: col, points: xs.map((x, i): [number, number] => [x, ys[i] ?? NaN]) };
      }),
    }),
  };
}

const caption = (cell: Cell) => {
  const d = PlotCellDataSchema.parse(cell.data);
  return d.title ?? `${d.y.join(', ')} vs ${d.x}`;
};

export const plotCell: CellType = {
  type: 'plot',
  label: 'Plot',
  content: 'data',
  defaults: () => ({
    data: { kind: 'scatter', source: '', x: '', y: [''], logX: false, logY: false },
  }),
  dataSchema: PlotCellDataSchema,
  inputsOf: (cell, nb) => {
    const r = PlotCellDataSchema.safeParse(cell.data);
    const src = r.success ? findCell(nb, r.data.source) : undefined;
    return src ? [src.id] : [];
  },
  exporters: {
    markdown: (cell, ctx) => {
      const r = plotSvg(cell, ctx);
      return 'error' in r
        ? `> ${r.error}`
        : `![${caption(cell).replace(/[[\]]/g, '')}](${svgDataUrl(r.svg)})`;
    },
    html: (cell, ctx) => {
      const r = plotSvg(cell, ctx);
      return 'error' in r
        ? `<p class="error">${escapeHtml(r.error)}</p>`
        : `<figure class="plot">${r.svg}<figcaption>${escapeHtml(caption(cell))}</figcaption></figure>`;
    },
    ipynb: (cell, ctx) => {
      const r = plotSvg(cell, ctx);
      return [
        {
          id: cell.id,
          cell_type: 'code',
          metadata: { quire: { type: 'plot', spec: cell.data } },
          // Quire's drawing, shown again when the notebook runs (a comment alone would clear it).
          source: toLines(
            'error' in r
              ? `# plot: ${pyComment(caption(cell))}\n# ${pyComment(r.error)}\n`
              : `# plot: ${pyComment(caption(cell))} (drawn by Quire)\nfrom IPython.display import SVG, display\n\ndisplay(SVG(${pyString(r.svg)}))\n`,
          ),
          execution_count: null,
          outputs:
            'error' in r
              ? [{ output_type: 'stream', name: 'stderr', text: [r.error] }]
              : [
                  {
                    output_type: 'display_data',
                    data: { 'image/svg+xml': toLines(r.svg), 'text/plain': [caption(cell)] },
                    metadata: {},
                  },
                ],
        },
      ];
    },
  },
};
