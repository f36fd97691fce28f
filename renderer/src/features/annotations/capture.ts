// A selection in a title or abstract as the W3C Web Annotation selectors need it: the quoted
// source text with some context either side (TextQuoteSelector) and its offsets (TextPosition).

export type Field = 'title' | 'abstract';

export type Capture = {
  field: Field;
  /** The source text selected, TeX included (a formula is always taken whole). */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
};

/** Context kept either side: enough to tell repeated phrases apart, as Hypothesis does (32). */
export const CONTEXT = 32;

/** The capture of [start, end) in `text`, trimmed of surrounding white space; null when empty. */
export function capture(field: Field, text: string, start: number, end: number): Capture | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  return {
    field,
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT), s),
    suffix: text.slice(e, e + CONTEXT),
    start: s,
    end: e,
  };
}
