// Table cell: typed columns (number | string | date) and rows, typically pasted CSV/TSV.
import { toLines } from '../file-format';
import { escapeHtml, gfmTable, htmlTable } from '../export/markup';
import { pyComment, pyIdent, pyList, pyNumber, pyString } from '../export/python';
import type { Cell } from '../model';
import type { CellType, ExportContext } from '../registry';
import { TableCellDataSchema } from '../tables';

/** The table as a pandas DataFrame named after the cell (dates parsed, blanks as missing). */
function tablePython(cell: Cell, ctx: ExportContext): string {
  const d = TableCellDataSchema.parse(cell.data);
  const name = pyIdent(cell.name ?? `table_${cell.id}`);
  const source = d.sourcePaperId
    ? [`# Source: ${pyComment(ctx.paper(d.sourcePaperId)?.title ?? d.sourcePaperId)}`]
    : [];
  const columns = d.columns.map((c, i) => {
    const values = d.rows.map((r) => {
      const v = r[i] ?? null;
      if (v === null) return 'None';
      return c.type === 'number' && typeof v === 'number' ? pyNumber(v) : pyString(String(v));
    });
    const list = pyList(values, 8, '        ');
    const value =
      c.type === 'date'
        ? `pd.to_datetime(${list})`
        : c.type === 'number'
          ? `pd.to_numeric(${list}, errors="coerce")`
          : list;
    return `    ${pyString(c.name)}: ${value},`;
  });
  return [
    ...source,
    'import pandas as pd',
    '',
    `${name} = pd.DataFrame({`,
    ...columns,
    '})',
    name,
    '',
  ].join('\n');
}

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
      {
        id: cell.id,
        cell_type: 'code',
        metadata: { quire: { type: 'table' } },
        source: toLines(tablePython(cell, ctx)),
        execution_count: null,
        outputs: [],
      },
    ],
  },
};
