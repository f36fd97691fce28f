// A title or abstract with its inline TeX math rendered by KaTeX: text stays React text (never
// innerHTML), search highlights mark the text around the math, and bad TeX shows its source.
import type { ReactNode } from 'react';
import type { Span } from '@shared/api/schemas';
import { cleanSpans, snippet } from '../features/search/highlight';
import { renderTex } from './tex';
import { mayHaveMath, texSegments, type TexSegment } from './texSegments';
import 'katex/dist/katex.min.css';

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
  const { start, end } = snippetWindow(text, spans, max);
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

/** The source range a snippet shows: around the first highlights, widened so no formula is cut. */
export function snippetWindow(
  text: string,
  spans: readonly Span[],
  max?: number,
): { start: number; end: number } {
  const s = snippet(text, spans, max);
  let start = s.start;
  let end = s.start + s.text.length;
  for (const seg of mayHaveMath(text) ? texSegments(text) : []) {
    if (seg.kind !== 'math') continue;
    if (seg.start < start && seg.end > start) start = seg.start;
    if (seg.start < end && seg.end > end) end = seg.end;
  }
  return { start, end };
}
