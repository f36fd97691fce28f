// Splits a title or abstract into plain text and inline TeX math (`$…$`, `$$…$$`, `\(…\)`), with
// each piece's offsets in the original string so search highlights (also offsets) can be mapped.

export type TexSegment =
  /** Plain text; `shown` is the source slice, except that a `\$` (its own segment) shows as `$`. */
  | { kind: 'text'; start: number; end: number; shown: string }
  /** Math; `tex` is the source between the delimiters. */
  | { kind: 'math'; start: number; end: number; tex: string };

/** Cheap test so the common title (no math at all) skips the scan. */
export function mayHaveMath(s: string): boolean {
  return s.includes('$') || s.includes('\\(');
}

/**
 * The close of inline math opened at `from` (index after the opening delimiter), or -1. A blank
 * line ends the search: math never spans paragraphs, and an unbalanced `$` stays text.
 */
function closeOf(src: string, from: number, close: string): number {
  for (let j = from; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\' && close !== '\\)') {
      j++;
      continue;
    }
    if (ch === '\n' && src[j + 1] === '\n') return -1;
    if (src.startsWith(close, j)) return j;
  }
  return -1;
}

/**
 * Inline `$…$` follows Pandoc's rule (no space after the opening `$`, none before the closing
 * one, no digit right after it) so "costs $5 and $10" stays text; `\$` is a literal dollar.
 */
export function texSegments(src: string): TexSegment[] {
  if (!mayHaveMath(src))
    return src ? [{ kind: 'text', start: 0, end: src.length, shown: src }] : [];
  const out: TexSegment[] = [];
  let textStart = 0;
  const flush = (end: number) => {
    if (end > textStart)
      out.push({ kind: 'text', start: textStart, end, shown: src.slice(textStart, end) });
  };
  const math = (start: number, end: number, tex: string) => {
    flush(start);
    out.push({ kind: 'math', start, end, tex });
    textStart = end;
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\' && src[i + 1] === '$') {
      flush(i);
      out.push({ kind: 'text', start: i, end: i + 2, shown: '$' });
      i += 2;
      textStart = i;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '(') {
      const end = closeOf(src, i + 2, '\\)');
      if (end > i + 2) {
        math(i, end + 2, src.slice(i + 2, end));
        i = end + 2;
        continue;
      }
    }
    if (ch === '$' && src[i + 1] === '$') {
      const end = closeOf(src, i + 2, '$$');
      if (end > i + 2) {
        math(i, end + 2, src.slice(i + 2, end).trim());
        i = end + 2;
        continue;
      }
    }
    if (ch === '$' && src[i + 1] !== undefined && !/\s|\$/.test(src[i + 1]!)) {
      const end = closeOf(src, i + 1, '$');
      if (end > i + 1 && !/\s/.test(src[end - 1]!) && !/\d/.test(src[end + 1] ?? '')) {
        math(i, end + 1, src.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    i++;
  }
  flush(src.length);
  return out;
}
