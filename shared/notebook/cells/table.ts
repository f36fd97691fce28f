// Table cell: typed columns (number | string | date) and rows, typically pasted CSV/TSV.
import { toLines } from '../file-format';
import { escapeHtml, gfmTable, htmlTable } from '../export/markup';
import type { Cell } from '../model';
import type { CellType, ExportContext } from '../registry';
import { TableCellDataSchema } from '../tables';

function parts(cell: Cell) {
  const d = TableCellDataSchema.parse(cell.data);
  return { columns: d.columns.map((c) => c.name), rows: d.rows, sourcePaperId: d.sourcePaperId };
}

function markdown(cell: Cell, ctx: ExportContext): string {
  const t = parts(cell);
  const caption = cell.name ? `**${cell.name}**\n\n` : '';
  const source = t.sourcePaperId
    ? `\n\nSource: ${ctx.paper(t.sourcePaperId)?.title ?? t.sourcePaperId}`
    : '';
  return caption + gfmTable(t.columns, t.rows) + source;
}

export const tableCell: CellType = {
  type: 'table',
  label: 'Table',
  content: 'data',
  defaults: () => ({ data: { columns: [{ name: 'x', type: 'number' }], rows: [] } }),
  dataSchema: TableCellDataSchema,
  inputsOf: () => [],
  exporters: {
    markdown,
    html: (cell, ctx) => {
      const t = parts(cell);
      const caption = cell.name ? `<caption>${escapeHtml(cell.name)}</caption>` : '';
      const source = t.sourcePaperId
        ? `<div class="source">Source: ${escapeHtml(ctx.paper(t.sourcePaperId)?.title ?? t.sourcePaperId)}</div>`
        : '';
      return (
        htmlTable(t.columns, t.rows).replace('<table>', `<table class="data">${caption}`) + source
      );
    },
    ipynb: (cell, ctx) => [
      { id: cell.id, cell_type: 'markdown', metadata: {}, source: toLines(markdown(cell, ctx)) },
    ],
  },
};
