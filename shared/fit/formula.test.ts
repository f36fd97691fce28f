// Fit formulas: hardened mathjs compilation, parameter detection and symbolic gradients.
import { describe, expect, it } from 'vitest';
import { compileFormula, detectParams } from './formula';

describe('compileFormula', () => {
  it('detects parameters in natural order and evaluates', () => {
    const f = compileFormula('b1*exp(-b10*x) + b2');
    expect(f.params).toEqual(['b1', 'b2', 'b10']);
    expect(f.evaluate([2, 1, 0.5], [1])).toBeCloseTo(2 * Math.exp(-0.5) + 1, 14);
  });
  it('keeps order of appearance for named parameters and knows constants', () => {
    expect(detectParams('E + A*x^-alpha + 0*pi*e')).toEqual(['E', 'A', 'alpha']);
  });
  it('supports several named variables', () => {
    const f = compileFormula('E + A/N^alpha + B/D^beta', { variables: ['N', 'D'] });
    expect(f.params).toEqual(['E', 'A', 'alpha', 'B', 'beta']);
    expect(f.evaluate([1, 2, 1, 3, 1], [2, 3])).toBeCloseTo(3, 14);
  });
  it('builds symbolic partial derivatives', () => {
    const f = compileFormula('a*x^b');
    const g = new Float64Array(2);
    f.gradient([2, 3], [1.5], g);
    expect(g[0]).toBeCloseTo(1.5 ** 3, 12);
    expect(g[1]).toBeCloseTo(2 * 1.5 ** 3 * Math.log(1.5), 12);
  });
  it.each([
    ['import({a: 1})', /import/],
    ['a*x + evaluate("1")', /evaluate/],
    ['a*x + createUnit("foo")', /createUnit/],
    ['a*x + parse("1")', /parse/],
    ['a*x + derivative("x^2", "x")', /derivative/],
    ['a*x + simplify("x")', /simplify/],
  ])('refuses %s with a clear message', (src, re) => {
    expect(() => compileFormula(src)).toThrow(re);
    expect(() => compileFormula(src)).toThrow(/^formula: /);
  });
  it('refuses assignments, strings, matrices and property access', () => {
    expect(() => compileFormula('a = x')).toThrow(/formula: AssignmentNode is not allowed/);
    expect(() => compileFormula('f(t) = t; a*x')).toThrow(/formula:/);
    expect(() => compileFormula('a*x + "s"')).toThrow(/numeric constants/);
    expect(() => compileFormula('[a, x]')).toThrow(/ArrayNode/);
    expect(() => compileFormula('a.constructor + x')).toThrow(/formula:/);
  });
  it('explains missing variables and empty formulas', () => {
    expect(() => compileFormula('a*t')).toThrow(/variable 'x' does not appear/);
    expect(() => compileFormula('  ')).toThrow(/empty/);
    expect(() => compileFormula('a*x +')).toThrow(/cannot parse/);
    expect(() => compileFormula('2*x')).toThrow(/no parameters/);
  });
  it('returns NaN rather than complex numbers', () => {
    const f = compileFormula('sqrt(a*x)');
    expect(f.evaluate([-1], [1])).toBeNaN();
  });
  it('evaluates fast once compiled', () => {
    const f = compileFormula('E + A*x^(-alpha)');
    const b = [1, 2, 0.3];
    const pt = new Float64Array(1);
    let s = 0;
    for (let i = 1; i <= 10000; i++) {
      pt[0] = i;
      s += f.evaluate(b, pt);
    }
    expect(Number.isFinite(s)).toBe(true);
  });
});
