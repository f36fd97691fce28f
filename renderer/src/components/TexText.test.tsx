// @vitest-environment jsdom
// Titles and abstracts with TeX: math rendered by KaTeX, everything else escaped text, bad TeX and
// stray dollars shown as written, search highlights kept around the math.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TexSnippet, TexText } from './TexText';
import { texSegments } from './texSegments';

afterEach(cleanup);

const view = (text: string, spans?: [number, number][]) =>
  render(
    <div>
      <TexText text={text} spans={spans} />
    </div>,
  ).container.firstElementChild as HTMLElement;

/** The visible text, without KaTeX's hidden MathML copy. */
function shown(el: HTMLElement): string {
  const c = el.cloneNode(true) as HTMLElement;
  c.querySelectorAll('.katex-mathml').forEach((m) => m.remove());
  return c.textContent ?? '';
}

describe('texSegments', () => {
  it('finds $…$, $$…$$ and \\(…\\) with their source offsets', () => {
    const s = 'A $x^2$ and $$y$$ and \\(z\\) end';
    expect(texSegments(s).filter((g) => g.kind === 'math')).toEqual([
      { kind: 'math', start: 2, end: 7, tex: 'x^2' },
      { kind: 'math', start: 12, end: 17, tex: 'y' },
      { kind: 'math', start: 22, end: 27, tex: 'z' },
    ]);
  });
  it('leaves prices, lone and escaped dollars as text', () => {
    for (const s of ['costs $5 and $10', 'a $ b', 'only $x', 'pay \\$3 or \\$4', '$ x$'])
      expect(texSegments(s).every((g) => g.kind === 'text')).toBe(true);
  });
});

describe('TexText', () => {
  it('renders math with KaTeX', () => {
    const el = view('T5X: $\\texttt{t5x}$ scales and $7\\pm2$ items');
    expect(el.querySelectorAll('.katex').length).toBe(2);
    expect(el.querySelector('.katex .texttt')).not.toBeNull();
    expect(shown(el)).toContain('7±2');
    expect(shown(el)).not.toContain('$');
    expect(shown(el)).not.toContain('\\pm');
  });

  it('also renders \\(…\\) and $$…$$ inline', () => {
    const el = view('Energy \\(E=mc^2\\) and $$\\alpha$$');
    expect(el.querySelectorAll('.katex').length).toBe(2);
    expect(el.querySelector('.katex-display')).toBeNull();
  });

  it('shows markup in titles as text, outside and inside math', () => {
    const el = view('<script>alert(1)</script> <img src=x onerror=alert(2)> $<b>x</b>$');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(shown(el)).toContain('<script>alert(1)</script>');
  });

  it('keeps KaTeX commands that would add links or HTML inert', () => {
    const el = view('$\\href{javascript:alert(1)}{x}$ and $\\htmlClass{evil}{y}$');
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('.evil')).toBeNull();
  });

  it('shows bad TeX as its source without throwing', () => {
    const el = view('Broken $\\frac{1}{$ and $\\nosuchmacro{x}$ end');
    expect(el.querySelectorAll('.katex').length).toBe(0);
    expect(shown(el)).toBe('Broken $\\frac{1}{$ and $\\nosuchmacro{x}$ end');
    const err = el.querySelector('.tex-error');
    expect(err?.getAttribute('title')).toMatch(/Could not render this TeX/);
  });

  it('shows \\$ as a dollar and an unbalanced $ as written', () => {
    expect(shown(view('Save \\$5 with $x'))).toBe('Save $5 with $x');
    expect(shown(view('costs $5 and $10'))).toBe('costs $5 and $10');
  });

  it('keeps search highlights on the text around the math', () => {
    const title = 'Scaling $\\texttt{t5x}$ models';
    const el = view(title, [
      [0, 7],
      [23, 29],
    ]);
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Scaling',
      'models',
    ]);
    expect(el.querySelector('mark .katex')).toBeNull();
    expect(el.querySelector('.katex')).not.toBeNull();
  });

  it('marks a whole formula when a highlight touches it', () => {
    const el = view('Bound $7\\pm2$ items', [[7, 9]]);
    expect(el.querySelector('mark .katex')).not.toBeNull();
  });
});

describe('TexSnippet', () => {
  it('never cuts a formula in half', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const text = `${filler} $\\sum_{i=1}^{n} x_i^2 + \\alpha$ tail ${filler}`;
    const at = text.indexOf('tail');
    const el = render(
      <div>
        <TexSnippet text={text} spans={[[at, at + 4]]} max={150} />
      </div>,
    ).container.firstElementChild as HTMLElement;
    expect(el.querySelector('.katex')).not.toBeNull();
    expect(shown(el)).not.toContain('\\alpha');
    expect(el.querySelector('mark')?.textContent).toBe('tail');
  });
});
