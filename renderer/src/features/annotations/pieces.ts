// Cuts a title or abstract into the smallest pieces over which nothing changes (text or formula,
// the highlights covering it, the search match), so overlapping highlights paint as nested marks
// and every piece knows its source offsets for mapping a DOM selection back to the text.
import { mayHaveMath, texSegments } from '../../components/texSegments';

/** A highlight to paint: source offsets [start, end) in the field's text. */
export type Paint = { id: string; start: number; end: number; kind: string };

export type Piece =
  /** Text shown as the source slice [start, end). */
  | { kind: 'text'; start: number; end: number; shown: string; paints: Paint[]; match: boolean }
  /**
   * An atomic piece (a formula, or `\$` shown as `$`): a selection that touches it takes all of it,
   * since its rendered parts are not source characters.
   */
  | {
      kind: 'atom';
      start: number;
      end: number;
      tex: string | null;
      shown: string;
      paints: Paint[];
      match: boolean;
    };

const covers = (a: number, b: number, s: number, e: number) => a < e && b > s;

/**
 * The pieces of `text`. Paints are ordered longest first, so the outer mark is the wider highlight
 * and a short highlight inside a long one shows on top of it.
 */
export function pieces(
  text: string,
  paints: readonly Paint[],
  matches: readonly (readonly [number, number])[] = [],
): Piece[] {
  const segs = mayHaveMath(text)
    ? texSegments(text)
    : text
      ? [{ kind: 'text' as const, start: 0, end: text.length, shown: text }]
      : [];
  const ordered = [...paints]
    .filter((p) => p.end > p.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const out: Piece[] = [];
  for (const seg of segs) {
    const atomic = seg.kind === 'math' || seg.shown.length !== seg.end - seg.start;
    if (atomic) {
      out.push({
        kind: 'atom',
        start: seg.start,
        end: seg.end,
        tex: seg.kind === 'math' ? seg.tex : null,
        shown: seg.kind === 'math' ? text.slice(seg.start, seg.end) : seg.shown,
        paints: ordered.filter((p) => covers(p.start, p.end, seg.start, seg.end)),
        match: matches.some(([a, b]) => covers(a, b, seg.start, seg.end)),
      });
      continue;
    }
    const cuts = new Set([seg.start, seg.end]);
    for (const p of ordered)
      for (const x of [p.start, p.end]) if (x > seg.start && x < seg.end) cuts.add(x);
    for (const [a, b] of matches)
      for (const x of [a, b]) if (x > seg.start && x < seg.end) cuts.add(x);
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const s = sorted[i]!;
      const e = sorted[i + 1]!;
      out.push({
        kind: 'text',
        start: s,
        end: e,
        shown: text.slice(s, e),
        paints: ordered.filter((p) => covers(p.start, p.end, s, e)),
        match: matches.some(([a, b]) => covers(a, b, s, e)),
      });
    }
  }
  return out;
}
