// Markdown export of highlights: one note per paper, Obsidian-ready (YAML front matter, the
// passage as a quote block ending in a block id `^q-…` so a note can link to it, the comment after).
import type { Annotation, AnnotationKind } from './types';

export type MarkdownPaper = {
  id: string;
  title: string;
  authors: string[];
  year: number | null;
  doi: string;
  arxivId: string;
};

/** Front matter values are written as JSON strings, which YAML reads as double-quoted scalars. */
const yaml = (s: string) => JSON.stringify(s);

/** A file name from a title: no path or reserved characters, short, with the id to keep it unique. */
export function markdownFileName(p: Pick<MarkdownPaper, 'id' | 'title'>): string {
  const base = p.title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|#^[\]\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'Untitled'} (${p.id.slice(0, 8)}).md`;
}

/** The quote as Markdown quote lines: every line prefixed, blank lines kept inside the block. */
function quoteBlock(text: string, blockId: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const last = lines.length - 1;
  lines[last] = `${lines[last]} ^${blockId}`;
  return lines.map((l) => (l.trim() === '' ? '>' : `> ${l}`)).join('\n');
}

/** Obsidian block ids are letters, digits and hyphens. */
export function blockIdOf(annotationId: string): string {
  return `q-${annotationId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 16)}`;
}

/** One paper's highlights (in text order, title first) as a Markdown note. */
export function paperMarkdown(
  paper: MarkdownPaper,
  annotations: Annotation[],
  kinds: readonly AnnotationKind[],
): string {
  const label = (id: string) => kinds.find((k) => k.id === id)?.label ?? id;
  const front = [
    '---',
    `title: ${yaml(paper.title)}`,
    ...(paper.authors.length ? [`authors: [${paper.authors.map(yaml).join(', ')}]`] : []),
    ...(paper.year != null ? [`year: ${paper.year}`] : []),
    ...(paper.doi ? [`doi: ${yaml(paper.doi)}`] : []),
    ...(paper.arxivId ? [`arxiv: ${yaml(paper.arxivId)}`] : []),
    `quire-id: ${yaml(paper.id)}`,
    `tags: [${[...new Set(annotations.map((a) => a.kind))].map(yaml).join(', ')}]`,
    '---',
    '',
    `# ${paper.title.replace(/\s+/g, ' ').trim()}`,
    '',
  ];
  const parts = annotations.map((a) => {
    const where = a.field === 'title' ? 'title' : 'abstract';
    const state = a.orphaned ? ` · **orphaned**: the passage is no longer in the ${where}` : '';
    const lines = [
      quoteBlock(a.selectors.quote.exact, blockIdOf(a.id)),
      '',
      `**${label(a.kind)}** · ${where} · ${a.created.slice(0, 10)}${state}`,
    ];
    if (a.comment.trim()) lines.push('', a.comment.replace(/\r\n?/g, '\n').trimEnd());
    return lines.join('\n');
  });
  return `${front.join('\n')}${parts.join('\n\n---\n\n')}\n`;
}
