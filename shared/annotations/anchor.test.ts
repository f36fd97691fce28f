// Anchoring: selectors from a selection, and re-anchoring after the text changed.
import { describe, expect, it } from 'vitest';
import { anchor, findQuote, fromCodePoints, quoteOf, selectorsOf, toCodePoints } from './anchor';
import { isWellFormed } from '../api/schemas';

const ABSTRACT =
  'Graph neural networks over-squash information on long paths. ' +
  'We show that curvature-based rewiring reduces over-squashing by 40%. ' +
  'Our method needs no labels. Experiments on eight benchmarks confirm it.';

function select(text: string, passage: string) {
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThanOrEqual(0);
  return selectorsOf(text, start, start + passage.length);
}

function anchored(text: string, a: ReturnType<typeof anchor>) {
  return a ? text.slice(a.start, a.end) : null;
}

describe('selectorsOf / quoteOf', () => {
  it('keeps the quote with up to 32 characters of context and its position', () => {
    const s = select(ABSTRACT, 'Our method needs no labels.');
    expect(s.quote.exact).toBe('Our method needs no labels.');
    expect(s.quote.prefix).toBe(ABSTRACT.slice(s.position.start - 32, s.position.start));
    expect(s.quote.suffix).toBe(ABSTRACT.slice(s.position.end, s.position.end + 32));
  });

  it('refuses an empty, out-of-range or blank selection', () => {
    expect(() => selectorsOf('abc', 2, 2)).toThrow(/outside the text/);
    expect(() => selectorsOf('abc', 0, 9)).toThrow(/outside the text/);
    expect(() => selectorsOf('a   b', 1, 4)).toThrow(/only whitespace/);
  });

  it('never splits an emoji (surrogate pair) at the selection or context edges', () => {
    const text = '😀'.repeat(20) + 'result' + '🧪'.repeat(20);
    const start = text.indexOf('result');
    // A selection that starts on the low half of the emoji before it.
    const q = quoteOf(text, start - 1, start + 6);
    expect(q.exact).toBe('😀result');
    expect(q.prefix.length % 2).toBe(0);
    expect(q.suffix.length % 2).toBe(0);
    expect(isWellFormed(q.prefix) && isWellFormed(q.suffix)).toBe(true);
  });
});

describe('anchor', () => {
  it('finds an unchanged highlight at its position', () => {
    const s = select(ABSTRACT, 'reduces over-squashing by 40%');
    expect(anchor(ABSTRACT, s)).toEqual({
      start: s.position.start,
      end: s.position.end,
      method: 'position',
    });
  });

  it('keeps a highlight whose sentence moved (abstract rewritten around it)', () => {
    const s = select(ABSTRACT, 'Our method needs no labels.');
    const edited =
      'Our method needs no labels. ' +
      'Graph neural networks over-squash information on long paths, as is well known. ' +
      'We show that curvature-based rewiring reduces over-squashing by 40%. Experiments confirm it.';
    const a = anchor(edited, s);
    expect(a?.method).toBe('quote');
    expect(anchored(edited, a)).toBe('Our method needs no labels.');
  });

  it('orphans a highlight whose sentence was removed', () => {
    const s = select(ABSTRACT, 'Our method needs no labels.');
    const edited = ABSTRACT.replace('Our method needs no labels. ', '');
    expect(anchor(edited, s)).toBeNull();
  });

  it('follows a corrected sentence approximately (a typo fixed, a word changed)', () => {
    const text = 'We show that curvature-based rewirng reduces over-squashing by 40% on average.';
    const s = select(text, 'curvature-based rewirng reduces over-squashing by 40%');
    const fixed =
      'Intro. We show that curvature based rewiring reduces oversquashing by 41% on average.';
    const a = anchor(fixed, s);
    expect(a?.method).toBe('fuzzy');
    expect(anchored(fixed, a)).toBe('curvature based rewiring reduces oversquashing by 41%');
  });

  it('does not take a short quote to an approximate home', () => {
    const s = select('We use GNNs here.', 'GNNs');
    expect(anchor('We use CNNs here.', s)).toBeNull();
  });

  it('chooses among repeated quotes by context, then by nearness', () => {
    const text = 'A: the effect is large. B: the effect is large. C: the effect is large.';
    const second = text.indexOf('the effect is large', text.indexOf('B:'));
    const s = selectorsOf(text, second, second + 'the effect is large'.length);
    // Insert text before: position fails, context (prefix "B: ") picks the second occurrence.
    const edited = 'Preface. ' + text;
    const a = anchor(edited, s);
    expect(a?.method).toBe('quote');
    expect(a?.start).toBe(second + 'Preface. '.length);
  });

  it('anchors overlapping highlights independently', () => {
    const a = select(ABSTRACT, 'curvature-based rewiring reduces');
    const b = select(ABSTRACT, 'rewiring reduces over-squashing by 40%');
    const edited = 'New first sentence. ' + ABSTRACT;
    expect(anchored(edited, anchor(edited, a))).toBe('curvature-based rewiring reduces');
    expect(anchored(edited, anchor(edited, b))).toBe('rewiring reduces over-squashing by 40%');
  });

  it('anchors a highlight across a line break after the break becomes a space (and back)', () => {
    const text = 'The bound is\ntight for all graphs with bounded degree.';
    const s = select(text, 'is\ntight for all');
    const joined = 'Indeed, the bound is tight for all graphs with bounded degree.';
    expect(anchored(joined, anchor(joined, s))).toBe('is tight for all');
    const rewrapped = 'The bound is tight\r\n  for all graphs.';
    const t = select(joined, 'tight for all graphs');
    expect(anchored(rewrapped, anchor(rewrapped, t))).toBe('tight\r\n  for all graphs');
  });

  it('anchors inside $math$ (TeX characters are plain text to the anchor)', () => {
    const text = 'The error decays as $O(n^{-1/2})$ when $\\alpha > 1$ holds.';
    const s = select(text, 'n^{-1/2})$ when $\\alpha');
    const edited = 'Indeed, ' + text;
    const a = anchor(edited, s);
    expect(a?.method).toBe('quote');
    expect(anchored(edited, a)).toBe('n^{-1/2})$ when $\\alpha');
  });

  it('matches NFC against NFD text and keeps offsets in the original text', () => {
    const nfc = 'Der Schätzer ist konsistent für große Stichproben.';
    const nfd = ('Vorwort. ' + nfc).normalize('NFD');
    const s = select(nfc, 'Schätzer ist konsistent für große');
    const a = anchor(nfd, s);
    expect(a?.method).toBe('quote');
    expect(anchored(nfd, a)).toBe('Schätzer ist konsistent für große'.normalize('NFD'));
  });

  it('keeps emoji intact when anchoring after an edit', () => {
    const text = 'Results 🎉 improve by 3× on 🧪 lab data, see 👩‍🔬 notes.';
    const s = select(text, '🎉 improve by 3× on 🧪');
    const edited = '🙂 ' + text;
    const a = anchor(edited, s);
    expect(anchored(edited, a)).toBe('🎉 improve by 3× on 🧪');
  });
});

describe('findQuote', () => {
  it('finds a typed quote whatever its whitespace and normalisation', () => {
    const text = 'We prove the\nlower bound. Café résumé.';
    expect(findQuote(text, 'the lower   bound')).toEqual({
      start: text.indexOf('the'),
      end: text.indexOf('bound') + 5,
    });
    const r = findQuote(text, 'Café résumé'.normalize('NFD'));
    expect(r && text.slice(r.start, r.end)).toBe('Café résumé');
    expect(findQuote(text, 'upper bound')).toBeNull();
    expect(findQuote(text, '   ')).toBeNull();
  });
});

describe('code points (W3C positions)', () => {
  it('converts UTF-16 offsets to code points and back', () => {
    const text = 'a😀b🧪c';
    expect(toCodePoints(text, 0)).toBe(0);
    expect(toCodePoints(text, 1)).toBe(1);
    expect(toCodePoints(text, 3)).toBe(2);
    expect(toCodePoints(text, text.length)).toBe(5);
    for (const i of [0, 1, 3, 4, 6, 7, 9, 20])
      expect(fromCodePoints(text, toCodePoints(text, i))).toBe(i);
    expect(toCodePoints(text, text.length + 3)).toBe(8);
  });
});
