// Matched-term highlighting for search hits: spans from the service become <mark> elements (never
// innerHTML), and long abstracts are cut to a snippet around the first matches.
import type { ReactNode } from 'react';
import type { Span } from '@shared/api/schemas';

/** Sorted, clamped, non-overlapping spans: the service's spans are trusted for nothing. */
export function cleanSpans(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  const sorted = spans
    .map(([a, b]): Span => [Math.max(0, Math.min(a, text.length)), Math.min(b, text.length)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

export type Snippet = {
  text: string;
  spans: Span[];
  cutStart: boolean;
  cutEnd: boolean;
  /** Where the snippet starts in the full text. */
  start: number;
};

/**
 * At most `max` characters of `text`, starting a little before the first highlight (at a word
 * boundary) so the matched terms are in view; spans are shifted to the snippet.
 */
export function snippet(text: string, spans: readonly Span[], max = 280): Snippet {
  const clean = cleanSpans(text, spans);
  if (text.length <= max) return { text, spans: clean, cutStart: false, cutEnd: false, start: 0 };
  let start = 0;
  const first = clean[0];
  if (first && first[1] > max - 40) {
    start = Math.max(0, first[0] - 60);
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first[0]) start = space + 1;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  const shifted = clean
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): Span => [a - start, b - start]);
  return {
    text: text.slice(start, end),
    spans: shifted,
    cutStart: start > 0,
    cutEnd: end < text.length,
    start,
  };
}

/** Text with the given ranges wrapped in <mark>, as React children. */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  const clean = cleanSpans(text, spans);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [a, b] of clean) {
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={a}>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** An abstract cut to a snippet, with ellipses where it was cut. */
export function AbstractSnippet({ text, spans }: { text: string; spans: readonly Span[] }) {
  const s = snippet(text, spans);
  return (
    <>
      {s.cutStart && '… '}
      <Highlighted text={s.text} spans={s.spans} />
      {s.cutEnd && ' …'}
    </>
  );
}
