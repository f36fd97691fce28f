// Paper cell: a library paper shown as a card, with the user's annotation (Markdown + math).
import { displayName } from '../../papers/names';
import { z } from 'zod';
import { toLines } from '../file-format';
import {
  cite,
  escapeHtml,
  markdownToHtml,
  markdownWithCitations,
  paperLink,
} from '../export/markup';
import type { Cell } from '../model';
import type { CellType, ExportContext } from '../registry';

export const PaperCellDataSchema = z.object({
  paperId: z.string().min(1).max(200),
  annotation: z.string().max(1_000_000).default(''),
});
export type PaperCellData = z.infer<typeof PaperCellDataSchema>;

function dataOf(cell: Cell): PaperCellData {
  return PaperCellDataSchema.parse(cell.data);
}

function cardMarkdown(cell: Cell, ctx: ExportContext): string {
  const d = dataOf(cell);
  const p = ctx.paper(d.paperId);
  const n = cite(ctx, d.paperId);
  const head = p
    ? `> **${p.title}** [[${n}]](#ref-${n})  \n> ${[p.authors.slice(0, 3).map(displayName).join(', ') + (p.authors.length > 3 ? ' et al.' : ''), p.venue, p.year ?? ''].filter(Boolean).join(' · ')}`
    : `> **Paper ${d.paperId}** (not in this library) [[${n}]](#ref-${n})`;
  const ann = d.annotation ? '\n\n' + markdownWithCitations(d.annotation, ctx) : '';
  return head + ann;
}

export const paperCell: CellType = {
  type: 'paper',
  label: 'Paper',
  content: 'data',
  defaults: () => ({ data: { paperId: '', annotation: '' } }),
  dataSchema: PaperCellDataSchema,
  exporters: {
    markdown: cardMarkdown,
    html: (cell, ctx) => {
      const d = dataOf(cell);
      const p = ctx.paper(d.paperId);
      const n = cite(ctx, d.paperId);
      const link = paperLink(ctx, d.paperId);
      const title = escapeHtml(p?.title ?? `Paper ${d.paperId} (not in this library)`);
      const meta = p
        ? escapeHtml(
            [p.authors.map(displayName).join(', '), p.venue, p.year ?? '']
              .filter(Boolean)
              .join(' · '),
          )
        : '';
      return (
        `<div class="paper-card"><div class="title">${link ? `<a href="${escapeHtml(link)}">${title}</a>` : title} <a href="#ref-${n}">[${n}]</a></div>` +
        (meta ? `<div class="meta">${meta}</div>` : '') +
        (d.annotation ? `<div class="annotation">${markdownToHtml(d.annotation, ctx)}</div>` : '') +
        '</div>'
      );
    },
    ipynb: (cell, ctx) => [
      {
        id: cell.id,
        cell_type: 'markdown',
        metadata: {},
        source: toLines(cardMarkdown(cell, ctx)),
      },
    ],
  },
};
