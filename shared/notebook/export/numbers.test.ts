// Report numbers: significant digits, value ± uncertainty at a consistent decimal place, intervals,
// and rounding the numbers inside a stored status sentence.
import { describe, expect, it } from 'vitest';
import { formatInterval, formatNumber, formatValueError, roundNumbersInText } from './numbers';

describe('formatNumber', () => {
  it('rounds to significant digits and drops trailing zeros', () => {
    expect(formatNumber(0.30000000000000004)).toBe('0.3');
    expect(formatNumber(1.6099933470581238)).toBe('1.61');
    expect(formatNumber(0.998765432, 4)).toBe('0.9988');
    expect(formatNumber(123456.789, 4)).toBe('123500');
    expect(formatNumber(-2.71828, 3)).toBe('-2.72');
    // Not a perfect fit: R² = 0.99998 keeps the digits that say so.
    expect(formatNumber(0.9999812, 4)).toBe('0.99998');
  });
  it('keeps counts whole and writes very large or small numbers with a power of ten', () => {
    expect(formatNumber(34)).toBe('34');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1e21)).toBe('1 × 10²¹');
    expect(formatNumber(3.511191734215127e15, 4)).toBe('3.511 × 10¹⁵');
    expect(formatNumber(0.0000123456, 3)).toBe('1.23 × 10⁻⁵');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('formatValueError', () => {
  it('gives the uncertainty 2 significant digits and the value the same decimal place', () => {
    expect(formatValueError(1.6099933470581238, 0.03512345)).toBe('1.610 ± 0.035');
    expect(formatValueError(300.71234, 62.0987)).toBe('301 ± 62');
    expect(formatValueError(0.27882134, 0.00112)).toBe('0.2788 ± 0.0011');
    expect(formatValueError(2, 0.5)).toBe('2.00 ± 0.50');
    expect(formatValueError(123456.7, 1234)).toBe('123500 ± 1200');
  });
  it('shares one power of ten outside the plain range', () => {
    expect(formatValueError(1.23456e9, 5.6e7)).toBe('(1.235 ± 0.056) × 10⁹');
    expect(formatValueError(3.2e-6, 1.1e-7)).toBe('(3.20 ± 0.11) × 10⁻⁶');
  });
  it('prints the value alone to 4 significant digits without a usable uncertainty', () => {
    expect(formatValueError(1.2345678, NaN)).toBe('1.235');
    expect(formatValueError(1.2345678, 0)).toBe('1.235');
    expect(formatValueError(1.2345678, null)).toBe('1.235');
  });
});

describe('formatInterval', () => {
  it('prints both ends at the decimal place of the uncertainty', () => {
    expect(formatInterval(1.5385678, 1.6814321, 0.0351)).toBe('[1.539, 1.681]');
    expect(formatInterval(1.5, 1.7, NaN)).toBe('[1.5, 1.7]');
  });
});

describe('roundNumbersInText', () => {
  it('rounds the decimals of a status line, not integers or words', () => {
    expect(
      roundNumbersInText(
        'converged (ftol after 12 steps); R² = 0.999876543, RSS = 0.0000123456, residual SD = 0.001234',
      ),
    ).toBe(
      'converged (ftol after 12 steps); R² = 0.9999, RSS = 1.235 × 10⁻⁵, residual SD = 0.001234',
    );
    expect(roundNumbersInText('seed 42, v1.2.3 stays')).toBe('seed 42, v1.2.3 stays');
  });
});
