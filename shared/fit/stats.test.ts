// Fit statistics: Student t quantiles against published table values (R's qt).
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from './stats';

describe('studentTQuantile', () => {
  it.each([
    [0.975, 1, 12.706204736174698],
    [0.975, 2, 4.302652729749464],
    [0.975, 3, 3.182446305284263],
    [0.975, 10, 2.228138851986274],
    [0.975, 30, 2.042272456301238],
    [0.995, 5, 4.032142983557536],
    [0.95, 4, 2.131846786326649],
    [0.95, 1, 6.313751514675043],
    [0.025, 12, -2.178812829667228],
  ])('qt(%f, %f)', (p, nu, expected) => {
    expect(studentTQuantile(p, nu)).toBeCloseTo(expected, 9);
  });
  it('tends to the normal quantile', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 5);
  });
  it('inverts the CDF', () => {
    for (const nu of [1.5, 4, 17, 211])
      for (const p of [0.6, 0.9, 0.975, 0.999])
        expect(studentTCdf(studentTQuantile(p, nu), nu)).toBeCloseTo(p, 12);
  });
  it('rejects bad arguments', () => {
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1.2, 3)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
  });
});
