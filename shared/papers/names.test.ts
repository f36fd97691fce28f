// The BibTeX name rules and Quire's stored name form: parts, inverted forms, braces, round trips.
import { describe, expect, it } from 'vitest';
import {
  displayName,
  familyName,
  looksLikeGroup,
  parseName,
  splitNameList,
  storedName,
  type NameParts,
} from './names';

const parts = (first: string, von: string, last: string, jr = ''): NameParts => ({
  first,
  von,
  last,
  jr,
});

describe('parseName', () => {
  it.each([
    ['Donald E. Knuth', parts('Donald E.', '', 'Knuth')],
    ['Ludwig van Beethoven', parts('Ludwig', 'van', 'Beethoven')],
    ['Jean de La Fontaine', parts('Jean', 'de', 'La Fontaine')],
    ['van der Berg, Jan', parts('Jan', 'van der', 'Berg')],
    ['King, Jr., Martin Luther', parts('Martin Luther', '', 'King', 'Jr.')],
    ['Carlos A. {Coello Coello}', parts('Carlos A.', '', '{Coello Coello}')],
    ['Chen, Zhao-qian', parts('Zhao-qian', '', 'Chen')],
    ['Zhao-qian Chen', parts('Zhao-qian', '', 'Chen')],
    ['{\\L}ukasiewicz, Jan', parts('Jan', '', '{\\L}ukasiewicz')],
    ["Jos{\\'e} {\\'e}cole", parts("Jos{\\'e}", '', "{\\'e}cole")],
    ["Ana {\\'e}cole Dupont", parts('Ana', "{\\'e}cole", 'Dupont')],
    ['{IEEE Standards Association}', parts('', '', '{IEEE Standards Association}')],
    ['Plato', parts('', '', 'Plato')],
  ])('%s', (raw, want) => {
    expect(parseName(raw)).toEqual(want);
  });
});

describe('splitNameList', () => {
  it('splits on "and" at brace depth 0 only and drops "others"', () => {
    expect(splitNameList('A B and {Barnes and Noble} AND C, D\nand others')).toEqual([
      'A B',
      '{Barnes and Noble}',
      'C, D',
    ]);
  });
});

describe('storedName', () => {
  it.each([
    [parts('Donald E.', '', 'Knuth'), 'Donald E. Knuth'],
    [parts('Ludwig', 'van', 'Beethoven'), 'Ludwig van Beethoven'],
    [parts('Carlos A.', '', 'Coello Coello'), 'Coello Coello, Carlos A.'],
    [parts('Martin Luther', '', 'King', 'Jr.'), 'King, Jr., Martin Luther'],
    [parts('', '', 'IEEE Standards Association'), 'IEEE Standards Association'],
  ])('%o → %s, which parses back to the same parts', (p, want) => {
    const s = storedName(p);
    expect(s).toBe(want);
    if (p.first) expect(parseName(s)).toEqual(p);
  });

  it('gives the family name for keys and duplicate checks', () => {
    expect(familyName('Coello Coello, Carlos A.')).toBe('Coello Coello');
    expect(familyName('Ludwig van Beethoven')).toBe('van Beethoven');
  });

  it('shows a stored name in reading order', () => {
    expect(displayName('Coello Coello, Carlos A.')).toBe('Carlos A. Coello Coello');
    expect(displayName('King, Jr., Martin')).toBe('Martin King Jr.');
    expect(displayName('Ludwig van Beethoven')).toBe('Ludwig van Beethoven');
    expect(displayName('Google, Inc. and Partners')).toBe('Google, Inc. and Partners');
  });

  it('treats organisations as one unit', () => {
    expect(looksLikeGroup('IEEE Standards Association')).toBe(true);
    expect(looksLikeGroup('Bill and Melinda Gates Foundation')).toBe(true);
    expect(looksLikeGroup('Google, Inc.')).toBe(true);
    expect(looksLikeGroup('Coello Coello, Carlos A.')).toBe(false);
    expect(looksLikeGroup('Ada Lovelace')).toBe(false);
    // The price of a word list (reported): a person whose family name is "Group" is read as one.
    expect(looksLikeGroup('Grace Group')).toBe(true);
  });
});
