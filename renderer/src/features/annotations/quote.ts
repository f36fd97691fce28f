// A highlight quoted into a notebook as plain Markdown, so every notebook export carries it: a
// block quote of the passage, the comment, and a line citing the paper (`@[Title](paper:ID)`,
// which exports turn into a citation) with a link back to the passage (`#quire-highlight/ID`).
import type { Annotation } from '@shared/annotations/types';
import { paperRef } from '@shared/notebook/references';

export const HIGHLIGHT_LINK = '#quire-highlight/';

/** The highlight id of a link made by `quoteMarkdown`, or null. */
export function highlightIdOf(href: string): string | null {
  return href.startsWith(HIGHLIGHT_LINK)
    ? decodeURIComponent(href.slice(HIGHLIGHT_LINK.length))
    : null;
}

/** Every line of `text` inside a Markdown block quote (blank lines kept as `>`). */
function quoted(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
}

/** The Markdown a notebook cell gets for a highlight; `kindLabel` names its kind. */
export function quoteMarkdown(a: Annotation, kindLabel: string): string {
  // The passage as the user highlighted it: its TeX stays TeX, so the cell renders the math.
  const passage = a.selectors.quote.exact.replace(/\s*\n\s*/g, ' ');
  const cite = `— ${paperRef(a.paperId, a.paperTitle || a.paperId)}, [${kindLabel.replace(/[[\]]/g, '')}](${HIGHLIGHT_LINK}${encodeURIComponent(a.id)})`;
  const parts = [quoted(passage)];
  if (a.comment.trim()) parts.push(quoted(a.comment.trim()));
  parts.push(quoted(cite));
  return parts.join('\n>\n') + '\n';
}

/** The drag type for a highlight; the drag also carries the quote as text for plain text fields. */
export const HIGHLIGHT_MIME = 'application/x-quire-highlight';
