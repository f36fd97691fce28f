// Anchoring highlights in text (the W3C Web Annotation TextQuote + TextPosition model, as
// Hypothesis's dom-anchor-text-quote does it): make selectors from a selection, and find a
// highlight again in the current text — same position, else the quote chosen by its context and
// closeness, else an approximate match of the quote, else orphaned (null). Text is compared in a
// normalised view (NFC, whitespace runs as one space) so a corrected line break or a decomposed
// accent does not lose a highlight; offsets always come back in the original text's UTF-16 units.
import type { Anchor, AnnotationSelectors, TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;
/** Quotes shorter than this (normalised) are never matched approximately: too many false homes. */
export const FUZZY_MIN_CHARS = 10;
/** An approximate match may differ from the quote by at most this share of its length. */
export const FUZZY_MAX_ERROR = 0.25;
/** Above this many cells (quote × text) the approximate search is skipped: the highlight is orphaned. */
const FUZZY_MAX_CELLS = 40_000_000;

/** A normalised copy of a text with, for each of its UTF-16 units, the original range it came from. */
export type NormView = { text: string; from: number[]; to: number[] };

const SEGMENT = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * NFC per grapheme-ish segment (a character and its combining marks) and whitespace runs as one
 * space, keeping where each unit came from. Segment-wise NFC equals whole-text NFC except for rare
 * composition across a non-mark boundary (Hangul jamo), which only costs a fuzzy match.
 */
export function normView(text: string, lower = false): NormView {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let spaceOpen = false;
  for (const m of text.matchAll(SEGMENT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^\s+$/u.test(m[0])) {
      if (spaceOpen) {
        to[to.length - 1] = end;
        continue;
      }
      spaceOpen = true;
      out.push(' ');
      from.push(start);
      to.push(end);
      continue;
    }
    spaceOpen = false;
    let seg = m[0].normalize('NFC');
    if (lower) seg = seg.toLowerCase();
    for (let i = 0; i < seg.length; i++) {
      out.push(seg[i]!);
      from.push(start);
      to.push(end);
    }
  }
  return { text: out.join(''), from, to };
}

/** The normalised form of a quote or context string (no offsets needed). */
export function norm(s: string, lower = false): string {
  return normView(s, lower).text;
}

/** Moves an offset off the low half of a surrogate pair, so a slice never splits an emoji. */
function snap(text: string, i: number, dir: -1 | 1): number {
  const c = text.charCodeAt(i);
  if (i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff) {
    const p = text.charCodeAt(i - 1);
    if (p >= 0xd800 && p <= 0xdbff) return dir < 0 ? i - 1 : i + 1;
  }
  return i;
}

/** The quote selector of a selection [start, end) of `text` with up to CONTEXT_CHARS on each side. */
export function quoteOf(text: string, start: number, end: number): TextQuoteSelector {
  const s = snap(text, start, -1);
  const e = snap(text, end, 1);
  return {
    exact: text.slice(s, e),
    prefix: text.slice(snap(text, Math.max(0, s - CONTEXT_CHARS), 1), s),
    suffix: text.slice(e, snap(text, Math.min(text.length, e + CONTEXT_CHARS), -1)),
  };
}

/** Both selectors of a selection; throws on an empty, out-of-range or blank selection. */
export function selectorsOf(text: string, start: number, end: number): AnnotationSelectors {
  if (!(start >= 0 && end <= text.length && end > start))
    throw new RangeError(
      `the selection ${start}–${end} is outside the text (its length is ${text.length})`,
    );
  const quote = quoteOf(text, start, end);
  if (quote.exact.trim() === '') throw new RangeError('the selection is only whitespace');
  const s = snap(text, start, -1);
  return { quote, position: { start: s, end: s + quote.exact.length } };
}

/** The first place `quote` occurs in `text` (normalised comparison), as a UTF-16 range; null if none. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const view = normView(text);
  const q = norm(quote).trim();
  if (q === '') return null;
  const at = view.text.indexOf(q);
  if (at < 0) return null;
  return { start: view.from[at]!, end: view.to[at + q.length - 1]! };
}

/** How many characters `a` and `b` share at their ends (`tail`) or starts. */
function common(a: string, b: string, tail: boolean): number {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && (tail ? a[a.length - 1 - k] === b[b.length - 1 - k] : a[k] === b[k])) k++;
  return k;
}

/** The normalised index nearest to an original offset (for distances to the old position). */
function normIndexOf(view: NormView, offset: number): number {
  let lo = 0;
  let hi = view.from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.from[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Approximate substring match (Sellers 1980: edit distance with a free start in the text), tracking
 * where each alignment starts. Returns the best end (fewest errors, then nearest to `expectEnd`).
 */
function approximate(
  text: string,
  pattern: string,
  maxErrors: number,
  expectEnd: number,
): { start: number; end: number; errors: number } | null {
  const m = pattern.length;
  const n = text.length;
  // prev[i] / prevStart[i]: distance and start of the best alignment of pattern[0..i) ending at j-1.
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best: { start: number; end: number; errors: number } | null = null;
  for (let j = 1; j <= n; j++) {
    cur[0] = 0;
    curStart[0] = j;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = prev[i]! + 1; // text char not in pattern
      const ins = cur[i - 1]! + 1; // pattern char missing from text
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = i === 1 ? j - 1 : prevStart[i - 1]!;
      } else if (del <= ins) {
        cur[i] = del;
        curStart[i] = prevStart[i]!;
      } else {
        cur[i] = ins;
        curStart[i] = curStart[i - 1]!;
      }
    }
    const d = cur[m]!;
    if (
      d <= maxErrors &&
      (best === null ||
        d < best.errors ||
        (d === best.errors && Math.abs(j - expectEnd) < Math.abs(best.end - expectEnd)))
    )
      best = { start: curStart[m]!, end: j, errors: d };
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}

/** Where a highlight is in `text` now, or null when its passage is gone (orphaned). */
export function anchor(text: string, selectors: AnnotationSelectors): Anchor | null {
  const { quote, position } = selectors;
  if (quote.exact === '') return null;
  // 1. Unchanged text at the old place.
  if (text.slice(position.start, position.end) === quote.exact)
    return { start: position.start, end: position.end, method: 'position' };

  // 2. The quote elsewhere: best context, then nearest the old place.
  const view = normView(text);
  const exact = norm(quote.exact);
  const prefix = norm(quote.prefix);
  const suffix = norm(quote.suffix);
  const oldAt = normIndexOf(view, position.start);
  if (exact.trim() !== '') {
    let best: { at: number; context: number; distance: number } | null = null;
    for (let at = view.text.indexOf(exact); at >= 0; at = view.text.indexOf(exact, at + 1)) {
      const context =
        common(view.text.slice(Math.max(0, at - prefix.length), at), prefix, true) +
        common(
          view.text.slice(at + exact.length, at + exact.length + suffix.length),
          suffix,
          false,
        );
      const distance = Math.abs(at - oldAt);
      if (
        best === null ||
        context > best.context ||
        (context === best.context && distance < best.distance)
      )
        best = { at, context, distance };
    }
    if (best)
      return {
        start: view.from[best.at]!,
        end: view.to[best.at + exact.length - 1]!,
        method: 'quote',
      };
  }

  // 3. An approximate match of the quote (case-insensitive): the passage was edited.
  const lowView = normView(text, true);
  const pattern = norm(quote.exact, true).trim();
  if (pattern.length < FUZZY_MIN_CHARS) return null;
  if (pattern.length * lowView.text.length > FUZZY_MAX_CELLS) return null;
  const maxErrors = Math.floor(pattern.length * FUZZY_MAX_ERROR);
  const hit = approximate(lowView.text, pattern, maxErrors, oldAt + pattern.length);
  if (!hit || hit.end <= hit.start) return null;
  // Trim whitespace the alignment may have taken at its edges.
  let s = hit.start;
  let e = hit.end;
  while (s < e && lowView.text[s] === ' ') s++;
  while (e > s && lowView.text[e - 1] === ' ') e--;
  if (e <= s) return null;
  return { start: lowView.from[s]!, end: lowView.to[e - 1]!, method: 'fuzzy' };
}

/**
 * A UTF-16 offset of `text` as a count of Unicode code points (W3C positions count characters).
 * Offsets past the end (an orphan's old place in a shortened text) count one per unit, so the
 * conversion stays invertible.
 */
export function toCodePoints(text: string, utf16: number): number {
  let n = 0;
  const stop = Math.min(utf16, text.length);
  for (let i = 0; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1)))) n++;
  }
  return n + Math.max(0, utf16 - text.length);
}

/** The inverse of toCodePoints. */
export function fromCodePoints(text: string, points: number): number {
  let i = 0;
  let n = 0;
  for (; n < points && i < text.length; n++)
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length ? 2 : 1;
  return i + (points - n);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Code-point length of a string (for positions of a quote when the paper's text is absent). */
export function codePointLength(s: string): number {
  return toCodePoints(s, s.length);
}
