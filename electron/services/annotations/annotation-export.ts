// Highlights written out: one W3C Web Annotation collection (JSON-LD), or one Markdown file per paper.
import type { Paper } from '@shared/api/schemas';
import { markdownFileName, paperMarkdown } from '@shared/annotations/markdown';
import type { Annotation, AnnotationExportResult, AnnotationKind } from '@shared/annotations/types';
import { toW3CAnnotation, toW3CCollection } from '@shared/annotations/w3c';

/** Writes `items` (already filtered and ordered) in `format`; `paperOf` gives each one's paper. */
export function exportAnnotations(
  format: 'w3c' | 'markdown',
  items: Annotation[],
  paperOf: (id: string) => Paper,
  kinds: AnnotationKind[],
): AnnotationExportResult {
  if (format === 'w3c') {
    const content = `${JSON.stringify(
      toW3CCollection(items.map((a) => toW3CAnnotation(a, paperOf(a.paperId)))),
      null,
      2,
    )}\n`;
    const filename = 'quire-highlights.jsonld';
    return {
      format,
      count: items.length,
      content,
      filename,
      mime: 'application/ld+json',
      files: [{ name: filename, content }],
    };
  }
  const byPaper = new Map<string, Annotation[]>();
  for (const a of items) byPaper.set(a.paperId, [...(byPaper.get(a.paperId) ?? []), a]);
  const files = [...byPaper].map(([id, list]) => {
    const p = paperOf(id);
    return { name: markdownFileName(p), content: paperMarkdown(p, list, kinds) };
  });
  return {
    format,
    count: items.length,
    content: files.map((f) => f.content).join('\n'),
    filename: 'quire-highlights.md',
    mime: 'text/markdown',
    files,
  };
}
