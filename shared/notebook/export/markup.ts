// Text helpers shared by the exporters: HTML escaping, math segmentation (`$…$`, `$$…$$`)
// with KaTeX rendering, Markdown → HTML with marked, GFM tables.
import katex from 'katex';
import { Marked } from 'marked';
import { findPaperRefs } from '../references';
import type { ExportContext } from '../registry';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type MathSegment = { math: boolean; display: boolean; text: string };

/**
 * Splits Markdown into text and math. Code spans and fenced blocks are never math; `\$` is a
 * literal dollar; inline `$…$` follows Pandoc's rule (no space after the opening `$`, none before
 * the next `$`, which closes it, and no digit right after that) so "$5 and $10" stays text.
 */
export function splitMath(src: string): MathSegment[] {
  const out: MathSegment[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) out.push({ math: false, display: false, text });
    text = '';
  };
  while (i < src.length) {
    const rest = src.slice(i);
    const fence = /^(```|~~~)[^\n]*\n[\s\S]*?(\n\1[^\n]*(\n|$)|$)/.exec(rest);
    if (fence && (i === 0 || src[i - 1] === '\n')) {
      text += fence[0];
      i += fence[0].length;
      continue;
    }
    const ch = src[i];
    if (ch === '\\' && src[i + 1] === '$') {
      text += '\\$';
      i += 2;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(rest)?.[0] ?? '`';
      const end = src.indexOf(ticks, i + ticks.length);
      const stop = end < 0 ? i + ticks.length : end + ticks.length;
      text += src.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '$' && src[i + 1] === '$') {
      const end = src.indexOf('$$', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ math: true, display: true, text: src.slice(i + 2, end).trim() });
        i = end + 2;
        continue;
      }
    }
    if (ch === '$' && src[i + 1] !== undefined && !/\s/.test(src[i + 1] ?? '')) {
      let j = i + 1;
      while (j < src.length && src[j] !== '\n') {
        if (src[j] === '\\') {
          j += 2;
          continue;
        }
        if (src[j] === '$' || src[j] === '`') break;
        j++;
      }
      // The next unescaped `$` closes, and only if no space precedes it and no digit follows it.
      if (src[j] === '$' && !/\s/.test(src[j - 1] ?? '') && !/\d/.test(src[j + 1] ?? '')) {
        flush();
        out.push({ math: true, display: false, text: src.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** KaTeX to HTML+MathML; a TeX error shows the source in red rather than failing the export. */
export function renderMath(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    output: 'htmlAndMathml',
  });
}

/** Bibliography label and link for a cited paper (DOI first, then arXiv, then the paper's URL). */
export function paperLink(ctx: ExportContext, paperId: string): string | null {
  const p = ctx.paper(paperId);
  if (!p) return null;
  if (p.doi) return `https://doi.org/${p.doi}`;
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  return p.url || null;
}

export function cite(ctx: ExportContext, paperId: string): number {
  let n = ctx.citations.indexOf(paperId);
  if (n < 0) n = ctx.citations.push(paperId) - 1;
  return n + 1;
}

/** Markdown with paper references turned into numbered citations `[label][n]`. */
export function markdownWithCitations(src: string, ctx: ExportContext): string {
  let out = '';
  let last = 0;
  for (const r of findPaperRefs(src)) {
    const n = cite(ctx, r.paperId);
    out +=
      src.slice(last, r.index) +
      `${r.label || (ctx.paper(r.paperId)?.title ?? r.paperId)} [[${n}]](#ref-${n})`;
    last = r.index + r.length;
  }
  return out + src.slice(last);
}

const marked = new Marked({ gfm: true, async: false });

/** Markdown (with math and paper references) → HTML: math placeholders survive marked, then KaTeX. */
export function markdownToHtml(src: string, ctx: ExportContext): string {
  const withRefs = markdownWithCitations(src, ctx);
  const rendered: string[] = [];
  let text = '';
  for (const seg of splitMath(withRefs)) {
    if (!seg.math) text += seg.text;
    else {
      // A letters-only token: marked leaves it alone wherever it sits.
      text += `QUIREMATH${rendered.length}X`;
      rendered.push(renderMath(seg.text, seg.display));
    }
  }
  // Raw HTML in a cell is shown as text: a notebook should not carry markup that runs.
  const html = marked.parse(text.replace(/</g, '&lt;')) as string;
  return html.replace(/QUIREMATH(\d+)X/g, (_, n: string) => rendered[Number(n)] ?? '');
}

function mdCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Which columns hold only numbers (or blanks): those are right-aligned. */
export function numericColumns(columns: string[], rows: unknown[][]): boolean[] {
  return columns.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] == null || typeof r[i] === 'number'),
  );
}

/** A GFM table; numbers right-aligned (`numeric` says which columns when cells are preformatted). */
export function gfmTable(
  columns: string[],
  rows: unknown[][],
  numeric = numericColumns(columns, rows),
): string {
  const head = `| ${columns.map(mdCell).join(' | ')} |`;
  const rule = `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  return [
    head,
    rule,
    ...rows.map((r) => `| ${columns.map((_, i) => mdCell(r[i])).join(' | ')} |`),
  ].join('\n');
}

export function htmlTable(columns: string[], rows: unknown[][]): string {
  const cell = (v: unknown) =>
    escapeHtml(v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    '<table><thead><tr>' +
    columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('') +
    '</tr></thead><tbody>' +
    rows
      .map((r) => '<tr>' + columns.map((_, i) => `<td>${cell(r[i])}</td>`).join('') + '</tr>')
      .join('') +
    '</tbody></table>'
  );
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}
