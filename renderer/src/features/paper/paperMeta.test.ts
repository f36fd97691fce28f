// The paper pane's details line: volume, issue, edition and pages appear only when present.
import { describe, expect, it } from 'vitest';
import { paperMeta } from './paperMeta';

const none = { venue: '', year: null, volume: '', issue: '', edition: '', pages: '' };

describe('paperMeta', () => {
  it('shows venue and year alone when the source gave nothing else', () => {
    expect(paperMeta({ ...none, venue: 'Maturitas', year: 2017 })).toBe('Maturitas · 2017');
    expect(paperMeta(none)).toBe('');
  });

  it('adds volume, issue, edition and pages when present', () => {
    expect(
      paperMeta({
        ...none,
        venue: 'Sports Medicine',
        year: 1990,
        volume: '9',
        issue: '6',
        pages: '380-389',
      }),
    ).toBe('Sports Medicine · 1990 · vol. 9, no. 6 · pp. 380-389');
    expect(paperMeta({ ...none, year: 2018, edition: '2' })).toBe('2018 · 2nd ed.');
    expect(paperMeta({ ...none, edition: '3rd' })).toBe('3rd ed.');
    expect(paperMeta({ ...none, edition: 'Second edition' })).toBe('Second edition');
    expect(paperMeta({ ...none, edition: '11' })).toBe('11th ed.');
    expect(paperMeta({ ...none, volume: '2', pages: 'e2101' })).toBe('vol. 2 · p. e2101');
  });
});
