// Markdown → safe HTML for notebook cells: marked (GFM) with raw HTML shown as text, links limited
// to http(s)/mailto/#, no remote images (the app is offline), math ($…$, $$…$$) rendered by KaTeX,
// and paper references `@[Title](paper:ID)` turned into links the view opens in Library.
import { Marked, type Tokens } from 'marked';
import { escapeHtml, renderMath, splitMath } from '@shared/notebook/export/markup';
import { findPaperRefs } from '@shared/notebook/references';
import { texHtml } from '../../components/tex';

const SAFE_HREF = /^(https?:|mailto:|#)/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Any raw HTML that slipped through the escaping below is shown as text.
    html: (t: Tokens.HTML | Tokens.Tag) => escapeHtml(t.text),
    link(t: Tokens.Link) {
      const text = this.parser.parseInline(t.tokens);
      if (!SAFE_HREF.test(t.href.trim())) return text;
      const title = t.title ? ` title="${escapeHtml(t.title)}"` : '';
      return `<a href="${escapeHtml(t.href)}"${title} target="_blank" rel="noreferrer noopener">${text}</a>`;
    },
    // Images would load from the network (or run odd schemes): show their text as a link instead.
    image(t: Tokens.Image) {
      const alt = escapeHtml(t.text || t.href);
      if (/^data:image\/(png|jpeg|gif|webp);/i.test(t.href))
        return `<img src="${escapeHtml(t.href)}" alt="${alt}">`;
      return SAFE_HREF.test(t.href) ? `<a href="${escapeHtml(t.href)}">${alt}</a>` : alt;
    },
  },
});

/**
 * The HTML of a markdown cell. Math and references become letters-only placeholders that marked
 * leaves alone, then are replaced by KaTeX's output and our own escaped links.
 */
export function renderMarkdown(src: string): string {
  const pieces: string[] = [];
  const hold = (html: string) => `QUIREPIECE${pieces.push(html) - 1}X`;
  let withRefs = '';
  let last = 0;
  for (const r of findPaperRefs(src)) {
    withRefs +=
      src.slice(last, r.index) +
      hold(
        `<a href="#" class="paper-ref" data-testid="paper-ref-link" data-paper-id="${escapeHtml(r.paperId)}">${r.label ? texHtml(r.label) : escapeHtml(r.paperId)}</a>`,
      );
    last = r.index + r.length;
  }
  withRefs += src.slice(last);
  let text = '';
  for (const seg of splitMath(withRefs)) {
    if (!seg.math) text += seg.text;
    else {
      const html = renderMath(seg.text, seg.display);
      text += hold(
        seg.display
          ? `<span class="nb-math-display" data-testid="katex">${html}</span>`
          : `<span class="nb-math" data-testid="katex">${html}</span>`,
      );
    }
  }
  // Raw HTML in a cell is shown as text (the `html` renderer above): no markup that runs.
  const html = marked.parse(text) as string;
  return html.replace(/QUIREPIECE(\d+)X/g, (_, n: string) => pieces[Number(n)] ?? '');
}
