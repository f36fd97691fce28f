// Fit cell: fits a preset or a typed formula to columns of a table with the shared fit engine
// (shared/fit: Levenberg–Marquardt, Moré 1978) and stores parameters ± standard errors, a status
// line for people and the statistics as typed data (./fit-summary) for the view.
import { z } from 'zod';
import { toLines } from '../file-format';
import { escapeHtml, markdownToHtml, markdownWithCitations } from '../export/markup';
import { outputsToHtml, outputsToIpynb, outputsToMarkdown } from '../export/outputs';
import { findCell, type Cell, type CellOutput } from '../model';
import { paperRef } from '../references';
import { fitPython } from '../export/fit-python';
import { pyComment } from '../export/python';
import { fitReportOutputs } from '../export/report-outputs';
import { svgDataUrl } from '../export/svg-plot';
import { fitSvg } from './fit-chart';
import { fitSummaryOutput, isFitSummaryOutput } from './fit-summary';
import type { CellType, ExportContext, IpynbOutput } from '../registry';
import { numericColumn, tableOf, TableCellDataSchema } from '../tables';

export const FitCellDataSchema = z.object({
  /** Id or name of the cell whose table holds the data. */
  source: z.string().max(100),
  /** One x column, or one per model variable (in the model's order). */
  x: z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(10)]),
  y: z.string().max(200),
  sigma: z.string().max(200).optional(),
  /** A preset name (`power-law`, …) or a formula such as `E + A*x^-alpha`. */
  model: z.string().min(1).max(2_000),
  start: z.record(z.string().max(50), z.number()).optional(),
  bounds: z.record(z.string().max(50), z.tuple([z.number(), z.number()])).optional(),
  variables: z.array(z.string().max(50)).max(10).optional(),
  /** Residual bootstrap after the fit (shared/fit): number of refits and the PRNG seed. */
  bootstrap: z
    .object({
      samples: z.number().int().min(1).max(10_000),
      seed: z.number().int(),
    })
    .optional(),
});
export type FitCellData = z.infer<typeof FitCellDataSchema>;

/** First column of the bootstrap table output (the parameter table's is `parameter`). */
export const BOOTSTRAP_TABLE_COLUMNS = ['bootstrap', 'stdError', 'ciLower', 'ciUpper'] as const;

/** The source paper of the fit's table cell (table cells may name one), else undefined. */
export function fitSourcePaperId(
  nb: Parameters<typeof findCell>[0],
  data: Pick<FitCellData, 'source'>,
): string | undefined {
  const src = data.source ? findCell(nb, data.source) : undefined;
  if (!src || src.type !== 'table') return undefined;
  const t = TableCellDataSchema.safeParse(src.data);
  return t.success ? t.data.sourcePaperId : undefined;
}

/** `Data: @[Title](paper:ID)` (the reference form of ../references), or `Data: ID` without a title. */
function sourceLine(cell: Cell, ctx: ExportContext): string | null {
  const d = FitCellDataSchema.safeParse(cell.data);
  const id = d.success ? fitSourcePaperId(ctx.notebook, d.data) : undefined;
  if (!id) return null;
  const title = ctx.paper(id)?.title;
  return `Data: ${title ? paperRef(id, title) : id}`;
}

/** The cell's chart (data and fitted curve) as SVG, or null before a successful run. */
function chartOf(cell: Cell, ctx: ExportContext): string | null {
  const d = FitCellDataSchema.safeParse(cell.data);
  return d.success ? fitSvg(d.data, cell.outputs, ctx) : null;
}

const describe = (cell: Cell) => {
  const d = FitCellDataSchema.safeParse(cell.data);
  return d.success
    ? `fit ${d.data.model} to ${d.data.y} vs ${[d.data.x].flat().join(', ')} of ${d.data.source}`
    : 'fit';
};

/** The outputs a report shows: the typed summary says what the status line says, so it is left out. */
const reportOutputs = (cell: Cell) =>
  fitReportOutputs(cell.outputs.filter((o) => !isFitSummaryOutput(o)));

/** The chart as a display_data output (none before a successful run). */
function chartOutput(cell: Cell, ctx: ExportContext): IpynbOutput[] {
  const svg = chartOf(cell, ctx);
  return svg
    ? [
        {
          output_type: 'display_data',
          data: { 'image/svg+xml': toLines(svg), 'text/plain': [describe(cell)] },
          metadata: {},
        },
      ]
    : [];
}

export const fitCell: CellType = {
  type: 'fit',
  label: 'Fit',
  content: 'data',
  defaults: () => ({ data: { source: '', x: 'x', y: 'y', model: 'power-law' } }),
  dataSchema: FitCellDataSchema,
  inputsOf: (cell, nb) => {
    const r = FitCellDataSchema.safeParse(cell.data);
    const src = r.success ? findCell(nb, r.data.source) : undefined;
    return src ? [src.id] : [];
  },
  run: async (cell, ctx): Promise<CellOutput[]> => {
    const d = FitCellDataSchema.parse(cell.data);
    const t = tableOf(ctx.notebook, d.source);
    if (!t) throw new Error(`fit: no table "${d.source}"`);
    const xs = [d.x].flat().map((c) => {
      if (!t.columns.includes(c)) throw new Error(`fit: table "${d.source}" has no column "${c}"`);
      return numericColumn(t, c);
    });
    const r = await ctx.fit(
      d.model,
      {
        x: xs.length === 1 ? (xs[0] ?? []) : xs,
        y: numericColumn(t, d.y),
        sigma: d.sigma ? numericColumn(t, d.sigma) : undefined,
      },
      { start: d.start, bounds: d.bounds, variables: d.variables, bootstrap: d.bootstrap },
    );
    const bs = r.bootstrap;
    const bootstrapOutputs: CellOutput[] = bs
      ? [
          {
            kind: 'table',
            columns: [...BOOTSTRAP_TABLE_COLUMNS],
            rows: r.names.map((n, k) => [n, bs.stdErrors[k], bs.ciLower[k], bs.ciUpper[k]]),
          },
          {
            kind: 'text',
            text: `bootstrap: ${bs.successful} of ${bs.samples} refits converged (seed ${bs.seed}); ${Math.round(bs.level * 100)} % percentile intervals`,
          },
        ]
      : [];
    return [
      {
        kind: 'table',
        columns: ['parameter', 'value', 'stdError', 'ciLower', 'ciUpper'],
        rows: r.params.map((p) => [p.name, p.value, p.stdError, p.ciLower, p.ciUpper]),
      },
      {
        kind: 'text',
        text: `${r.status} (${r.reason}); R² = ${r.r2.toPrecision(6)}, RSS = ${r.rss.toPrecision(6)}, residual SD = ${r.residualStdDev.toPrecision(4)}`,
      },
      ...bootstrapOutputs,
      fitSummaryOutput(r),
    ];
  },
  exporters: {
    markdown: (cell, ctx) => {
      const src = sourceLine(cell, ctx);
      const svg = chartOf(cell, ctx);
      const img = svg ? `\n\n![${describe(cell).replace(/[[\]]/g, '')}](${svgDataUrl(svg)})` : '';
      return `*${describe(cell)}*\n\n${src ? `${markdownWithCitations(src, ctx)}\n\n` : ''}${outputsToMarkdown(reportOutputs(cell))}${img}`;
    },
    html: (cell, ctx) => {
      const src = sourceLine(cell, ctx);
      const srcHtml = src ? `<div class="fit-source">${markdownToHtml(src, ctx)}</div>\n` : '';
      const svg = chartOf(cell, ctx);
      const fig = svg
        ? `\n<figure class="plot">${svg}<figcaption>${escapeHtml(describe(cell))}</figcaption></figure>`
        : '';
      return `<p class="fit"><em>${escapeHtml(describe(cell))}</em></p>\n${srcHtml}${outputsToHtml(reportOutputs(cell))}${fig}`;
    },
    ipynb: (cell, ctx) => {
      const d = FitCellDataSchema.safeParse(cell.data);
      return [
        {
          id: cell.id,
          cell_type: 'code',
          metadata: { quire: { type: 'fit', spec: cell.data } },
          source: toLines(
            d.success
              ? fitPython(cell.id, d.data, ctx)
              : `# ${pyComment(describe(cell))}: the cell's settings cannot be read.\n`,
          ),
          execution_count: null,
          // What Quire computed, shown until the notebook is run again.
          outputs: [...outputsToIpynb(reportOutputs(cell)), ...chartOutput(cell, ctx)],
        },
      ];
    },
  },
};
