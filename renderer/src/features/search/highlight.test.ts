// Spans from the service are clamped, sorted and merged; long abstracts are cut around the matches.
import { describe, expect, it } from 'vitest';
import { cleanSpans, snippet } from './highlight';

describe('cleanSpans', () => {
  it('sorts, clamps and merges overlapping spans', () => {
    expect(
      cleanSpans('0123456789', [
        [8, 40],
        [1, 3],
        [2, 5],
        [-4, 0],
        [6, 6],
      ]),
    ).toEqual([
      [1, 5],
      [8, 10],
    ]);
  });
});

describe('snippet', () => {
  const words = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
  it('keeps short texts whole', () => {
    expect(snippet('short text', [[0, 5]])).toEqual({
      text: 'short text',
      spans: [[0, 5]],
      cutStart: false,
      cutEnd: false,
      start: 0,
    });
  });
  it('starts near the first match of a long text, at a word boundary', () => {
    const at = words.indexOf('w100');
    const s = snippet(words, [[at, at + 4]], 120);
    expect(s.cutStart).toBe(true);
    expect(s.text.startsWith('w')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(120);
    const [a, b] = s.spans[0]!;
    expect(s.text.slice(a, b)).toBe('w100');
  });
  it('starts at the beginning when the first match is early', () => {
    const s = snippet(words, [[0, 2]], 120);
    expect(s.cutStart).toBe(false);
    expect(s.cutEnd).toBe(true);
    expect(s.text.slice(0, 2)).toBe('w0');
  });
});
