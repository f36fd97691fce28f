// Notebook search: a case-insensitive substring match over titles and cells (source, name, table
// data, text outputs), with a snippet per matching cell; title hits first, then the most recent.
import type { NotebookSearchHit } from '@shared/api/notebook-contract';
import type { Cell, Notebook } from '@shared/notebook/model';

/** Most matches reported for one notebook. */
const MATCHES_PER_NOTEBOOK = 20;

function snippet(text: string, at: number, len: number): string {
  const start = Math.max(0, at - 40);
  const end = Math.min(text.length, at + len + 60);
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, end).replace(/\s+/g, ' ').trim() +
    (end < text.length ? '…' : '')
  );
}

/** The text a search looks at in a cell: its source, annotation, table cells, text outputs. */
function searchableText(c: Cell): string {
  const parts = [c.name ?? '', c.source ?? ''];
  if (c.data !== undefined) parts.push(JSON.stringify(c.data));
  for (const o of c.outputs) if (o.kind === 'text' || o.kind === 'console') parts.push(o.text);
  return parts.join('\n');
}

export function searchNotebooks(
  notebooks: readonly Notebook[],
  query: string,
  limit: number,
): NotebookSearchHit[] {
  const q = query.toLowerCase();
  const hits: NotebookSearchHit[] = [];
  for (const nb of notebooks) {
    const matches: NotebookSearchHit['matches'] = [];
    const at = nb.title.toLowerCase().indexOf(q);
    if (at >= 0) matches.push({ cellId: null, snippet: nb.title });
    for (const c of nb.cells) {
      const text = searchableText(c);
      const i = text.toLowerCase().indexOf(q);
      if (i >= 0) matches.push({ cellId: c.id, snippet: snippet(text, i, q.length) });
    }
    if (matches.length)
      hits.push({
        id: nb.id,
        title: nb.title,
        updatedAt: nb.updatedAt,
        matches: matches.slice(0, MATCHES_PER_NOTEBOOK),
      });
  }
  // Title hits first, then by recency.
  hits.sort(
    (a, b) =>
      Number(b.matches[0]?.cellId === null) - Number(a.matches[0]?.cellId === null) ||
      (a.updatedAt < b.updatedAt ? 1 : -1),
  );
  return hits.slice(0, limit);
}
