// A title or abstract with its inline TeX math rendered by KaTeX: text stays React text (never
// innerHTML), search highlights mark the text around the math, and bad TeX shows its source.
import katex from 'katex';
import type { ReactNode } from 'react';
import type { Span } from '../../../shared/api/schemas';
import { cleanSpans, snippet } from '../features/search/highlight';
import { mayHaveMath, texSegments, type TexSegment } from './texSegments';
import 'katex/dist/katex.min.css';

type Rendered = { html: string } | { error: string };

/** Rendered math by source: a 10k-row table re-renders the same few titles as it scrolls. */
const cache = new Map<string, Rendered>();
const CACHE_SIZE = 2000;

/**
 * KaTeX's HTML for one formula, or why it failed. `trust: false` (KaTeX's default) keeps `\href`,
 * `\url` and `\html…` commands inert, so a title cannot bring links or attributes in.
 */
export function renderTex(tex: string): Rendered {
  const hit = cache.get(tex);
  if (hit) return hit;
  let out: Rendered;
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
    out = { error: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(tex, out);
  return out;
}

function marked(text: string, spans: readonly Span[], key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={`${key}-${a}`}>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function segmentNode(src: string, seg: TexSegment, spans: Span[]): ReactNode {
  const key = String(seg.start);
  const inside = spans
    .filter(([a, b]) => a < seg.end && b > seg.start)
    .map(([a, b]): Span => [Math.max(a, seg.start) - seg.start, Math.min(b, seg.end) - seg.start]);
  if (seg.kind === 'text') {
    // A `\$` segment shows one character: any highlight on it marks the whole of it.
    if (seg.shown.length !== seg.end - seg.start)
      return inside.length ? <mark key={key}>{seg.shown}</mark> : seg.shown;
    return marked(seg.shown, inside, key);
  }
  const r = renderTex(seg.tex);
  const node =
    'html' in r ? (
      <span
        key={key}
        className="tex-math"
        data-testid="tex-math"
        // KaTeX output for a formula only (no trust, no raw HTML): see renderTex.
        dangerouslySetInnerHTML={{ __html: r.html }}
      />
    ) : (
      <span key={key} className="tex-error" title={`Could not render this TeX: ${r.error}`}>
        {src.slice(seg.start, seg.end)}
      </span>
    );
  // A highlight that touches a formula marks the whole formula (its parts are not text).
  return inside.length ? <mark key={key}>{node}</mark> : node;
}

/** `text` with inline math rendered and the given (source-offset) ranges highlighted. */
export function TexText({ text, spans = [] }: { text: string; spans?: readonly Span[] }) {
  const clean = cleanSpans(text, spans);
  if (!mayHaveMath(text)) return <>{marked(text, clean, 't')}</>;
  return <>{texSegments(text).map((seg) => segmentNode(text, seg, clean))}</>;
}

/**
 * An abstract cut to a snippet around the first highlights, widened so that no formula is cut in
 * half (half a formula would show as raw TeX), with ellipses where it was cut.
 */
export function TexSnippet({
  text,
  spans,
  max,
}: {
  text: string;
  spans: readonly Span[];
  max?: number;
}) {
  const s = snippet(text, spans, max);
  let start = s.start;
  let end = s.start + s.text.length;
  for (const seg of mayHaveMath(text) ? texSegments(text) : []) {
    if (seg.kind !== 'math') continue;
    if (seg.start < start && seg.end > start) start = seg.start;
    if (seg.start < end && seg.end > end) end = seg.end;
  }
  const shifted = cleanSpans(text, spans)
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): Span => [a - start, b - start]);
  return (
    <>
      {start > 0 && '… '}
      <TexText text={text.slice(start, end)} spans={shifted} />
      {end < text.length && ' …'}
    </>
  );
}
