// LaTeX → Unicode for BibTeX fields: accents (NFC), symbols, formatting, math, unknown and user macros.
import { describe, expect, it } from 'vitest';
import { latexToUnicode, preambleMacros } from './latex';

describe('latexToUnicode', () => {
  it.each([
    ["Garc{\\'\\i}a", 'García'],
    ["Garc\\'{\\i}a", 'García'],
    ['Sven-{\\AA}ke', 'Sven-Åke'],
    ['Nguy{\\~\\^e}n', 'Nguyễn'],
    ['{\\v{S}}koda {\\c C}elik', 'Škoda Çelik'],
    ['Stra{\\ss}e, {\\o}, {\\L}{\\"o}d{\\H{o}}', 'Straße, ø, Łödő'],
    ['50\\% \\& \\$5 \\#1 a\\_b', '50% & $5 #1 a_b'],
    ['x\\textasciitilde{}y \\textbackslash{} \\~{}', 'x~y \\ ~'],
    ["pages 1--9 --- a ``quote''", 'pages 1–9 — a “quote”'],
    ['a-{}-b', 'a--b'],
    ['$7\\pm2$ and \\(x^2\\) and \\ensuremath{\\alpha}', '$7\\pm2$ and $x^2$ and $\\alpha$'],
    ['{\\textit Cataglyphis fortis}', 'Cataglyphis fortis'],
    ['\\emph{very} {\\bf bold} \\textsc{Caps}', 'very bold Caps'],
    ['\\proglang{R} and \\pkg{lme4}', 'R and lme4'],
    ['the \\unknownmacro here', 'the \\unknownmacro here'],
    ['\\url{http://x.org/a_b}', 'http://x.org/a_b'],
  ])('%s → %s', (tex, want) => {
    const got = latexToUnicode(tex);
    expect(got).toBe(want);
    expect(got).toBe(got.normalize('NFC'));
  });

  it('keeps line breaks only when asked', () => {
    expect(latexToUnicode('a\nb\\\\c', { multiline: true })).toBe('a\nb\nc');
    expect(latexToUnicode('a\nb')).toBe('a b');
  });

  it('expands @preamble macros with arguments, and stops a self-expanding one', () => {
    const macros = preambleMacros(
      '\\newcommand{\\noopsort}[1]{} \\providecommand\\sw[1]{\\textsf{#1}} \\def\\loop{\\loop x}',
    );
    expect(latexToUnicode('{\\noopsort{b}}Title with \\sw{Stan}', { macros })).toBe(
      'Title with Stan',
    );
    expect(latexToUnicode('\\loop', { macros }).length).toBeLessThan(5_000);
  });

  it('stays linear on deep nesting', () => {
    const deep = `${"\\'{".repeat(20_000)}e${'}'.repeat(20_000)}`;
    expect(latexToUnicode(deep).length).toBeGreaterThan(0);
    // Each unclosed `\(` or `$$` would otherwise rescan to the end: quadratic on a 200k abstract.
    expect(latexToUnicode('\\( a '.repeat(40_000))).toContain('( a');
    expect(latexToUnicode('$$ a $ '.repeat(40_000)).length).toBeGreaterThan(0);
  });
});
