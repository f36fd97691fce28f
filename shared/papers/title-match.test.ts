// Title-match tiers for the reference picker: exact, prefix, phrase, words (last one unfinished), elsewhere.
import { describe, expect, it } from 'vitest';
import { TITLE_MATCH, byTitleMatch, titleMatchTier } from './title-match';

const titles = [
  'A Dynamical Model of Neural Scaling Laws',
  'Beyond Scaling Laws: Understanding Transformer Performance',
  'Scaling Laws for Neural Language Models',
  'Explaining Neural Scaling Laws',
  'Scaling Laws for Neural Language Models with Mixture of Experts',
];

describe('titleMatchTier', () => {
  it('ranks exact, prefix, phrase, words and elsewhere', () => {
    const t = 'Scaling Laws for Neural Language Models';
    expect(titleMatchTier('scaling laws for neural language models!', t)).toBe(TITLE_MATCH.exact);
    expect(titleMatchTier('Scaling Laws for Neu', t)).toBe(TITLE_MATCH.prefix);
    expect(titleMatchTier('for neural lang', t)).toBe(TITLE_MATCH.phrase);
    expect(titleMatchTier('neural scaling mod', t)).toBe(TITLE_MATCH.words);
    expect(titleMatchTier('transformer', t)).toBe(TITLE_MATCH.elsewhere);
    expect(titleMatchTier('', t)).toBe(TITLE_MATCH.elsewhere);
  });

  it('only the last word may be unfinished', () => {
    expect(titleMatchTier('neur scaling', 'Neural Scaling')).toBe(TITLE_MATCH.elsewhere);
    expect(titleMatchTier('scaling neur', 'Neural Scaling')).toBe(TITLE_MATCH.words);
  });
});

describe('byTitleMatch', () => {
  it('puts the paper whose title starts with the typed text first, shortest first', () => {
    const sorted = [...titles]
      .map((title) => ({ title }))
      .sort(byTitleMatch('Scaling Laws for Neu', (a, b) => a.title.localeCompare(b.title)));
    expect(sorted.map((p) => p.title)).toEqual([
      'Scaling Laws for Neural Language Models',
      'Scaling Laws for Neural Language Models with Mixture of Experts',
      'A Dynamical Model of Neural Scaling Laws',
      'Beyond Scaling Laws: Understanding Transformer Performance',
      'Explaining Neural Scaling Laws',
    ]);
  });
});
