// KaTeX for titles and abstracts: one formula to HTML (cached, untrusted input kept inert), and a
// whole string to safe HTML for places that build markup as strings (notebook references).
import { errorMessage } from '@shared/api/errors';
import katex from 'katex';
import { escapeHtml } from '@shared/notebook/export/markup';
import { mayHaveMath, texSegments } from './texSegments';

export type RenderedTex = { html: string } | { error: string };

/** Rendered math by source: a 10k-row table re-renders the same few titles as it scrolls. */
const cache = new Map<string, RenderedTex>();
const CACHE_SIZE = 2000;

/**
 * KaTeX's HTML for one inline formula, or why it failed. `trust: false` (KaTeX's default) keeps
 * `\href`, `\url` and `\html…` commands inert, so a title cannot bring links or attributes in.
 */
export function renderTex(tex: string): RenderedTex {
  const hit = cache.get(tex);
  if (hit) return hit;
  let out: RenderedTex;
  try {
    out = {
      html: katex.renderToString(tex, {
        displayMode: false,
        throwOnError: true,
        strict: 'ignore',
        trust: false,
        output: 'htmlAndMathml',
      }),
    };
  } catch (e) {
    out = { error: errorMessage(e) };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(tex, out);
  return out;
}

/** The HTML of a title: text escaped, math rendered, bad TeX shown as its escaped source. */
export function texHtml(text: string): string {
  if (!mayHaveMath(text)) return escapeHtml(text);
  return texSegments(text)
    .map((seg) => {
      if (seg.kind === 'text') return escapeHtml(seg.shown);
      const r = renderTex(seg.tex);
      return 'html' in r
        ? `<span class="tex-math">${r.html}</span>`
        : `<span class="tex-error">${escapeHtml(text.slice(seg.start, seg.end))}</span>`;
    })
    .join('');
}
