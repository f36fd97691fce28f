// Markdown cell: prose with KaTeX math (`$…$`, `$$…$$`) and paper references `@[title](paper:ID)`.
import { toLines } from '../file-format';
import { markdownToHtml, markdownWithCitations } from '../export/markup';
import type { CellType } from '../registry';

export const markdownCell: CellType = {
  type: 'markdown',
  label: 'Text',
  content: 'source',
  defaults: () => ({ source: '' }),
  exporters: {
    // Math stays as `$…$` (GitHub, Jupyter, Pandoc and Obsidian all render it).
    markdown: (cell, ctx) => markdownWithCitations(cell.source ?? '', ctx),
    html: (cell, ctx) => `<div class="markdown">${markdownToHtml(cell.source ?? '', ctx)}</div>`,
    ipynb: (cell, ctx) => [
      {
        id: cell.id,
        cell_type: 'markdown',
        metadata: {},
        source: toLines(markdownWithCitations(cell.source ?? '', ctx)),
      },
    ],
  },
};
