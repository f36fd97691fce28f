// Numbers as a report prints them: statistics to a few significant digits, and a value with its
// uncertainty rounded consistently (the uncertainty to 2 significant digits, the value to the same
// decimal place, as the GUM §7.2.6 and the usual journal style recommend). Plain text with Unicode
// superscripts for powers of ten, so Markdown, HTML and Jupyter all show it the same way.

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** `× 10ⁿ` written with superscript digits. */
function timesTen(exp: number): string {
  return `× 10${[...String(exp)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** Decimal exponent of |v| (v ≠ 0, finite). */
function exponentOf(v: number): number {
  return Number(v.toExponential().split('e')[1]);
}

/** Plain decimals between 1e-4 and 1e6; outside that, a mantissa and a power of ten. */
const PLAIN_MIN_EXP = -4;
const PLAIN_MAX_EXP = 5;

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A mantissa in scientific form stripped of trailing zeros: `1.50e+7` → `1.5 × 10⁷`. */
function scientific(v: number, sig: number): string {
  const [m = '', e = '0'] = v.toExponential(sig - 1).split('e');
  return `${trimZeros(m)} ${timesTen(Number(e))}`;
}

/**
 * `v` to `sig` significant digits, trailing zeros dropped; integers below 10⁶ stay whole (a count is
 * a count). Non-finite values read as words.
 */
export function formatNumber(v: number, sig = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  if (Number.isInteger(v) && Math.abs(v) < 10 ** (PLAIN_MAX_EXP + 1)) return String(v);
  let rounded = Number(v.toPrecision(sig));
  // R² = 0.99998 must not read as a perfect 1: take the digits that show it is not.
  while (Math.abs(rounded) === 1 && rounded !== v && sig < 10)
    rounded = Number(v.toPrecision(++sig));
  const e = exponentOf(rounded);
  if (e < PLAIN_MIN_EXP || e > PLAIN_MAX_EXP) return scientific(v, sig);
  return trimZeros(rounded.toFixed(Math.max(0, sig - 1 - e)));
}

/**
 * `value ± uncertainty` with the uncertainty to `sig` significant digits and the value to the same
 * decimal place; a shared power of ten outside the plain range: `(1.234 ± 0.056) × 10⁹`. Without a
 * usable uncertainty (missing, 0, non-finite) the value alone to 4 significant digits.
 */
export function formatValueError(value: number, err: number | null | undefined, sig = 2): string {
  if (!Number.isFinite(value) || err == null || !Number.isFinite(err) || err <= 0)
    return formatNumber(value, 4);
  const errExp = exponentOf(Number(err.toPrecision(sig)));
  // The last shown decimal place, as a power of ten.
  const place = errExp - (sig - 1);
  const valueExp = value === 0 ? errExp : exponentOf(value);
  const shared = Math.max(valueExp, errExp);
  if (shared < PLAIN_MIN_EXP || shared > PLAIN_MAX_EXP) {
    const scale = 10 ** shared;
    const digits = Math.max(0, shared - place);
    return `(${(value / scale).toFixed(digits)} ± ${(err / scale).toFixed(digits)}) ${timesTen(shared)}`;
  }
  const digits = Math.max(0, -place);
  // Above the decimal point, round to the place instead of printing invented zeros as digits.
  const round = (x: number) =>
    place > 0 ? String(Math.round(x / 10 ** place) * 10 ** place) : x.toFixed(digits);
  return `${round(value)} ± ${round(err)}`;
}

/** A table cell as a report shows it: numbers to `sig` significant digits, text as it is. */
export function formatCell(v: unknown, sig = 4): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v, sig);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Every decimal number in a sentence with more than `sig` significant digits, rounded to `sig`
 * (e.g. a stored status line "R² = 0.998765, RSS = 0.00123456"); integers are left alone.
 */
export function roundNumbersInText(text: string, sig = 4): string {
  return text.replace(/(?<![\w.])-?\d+\.\d+(?:e[+-]?\d+)?(?![\w.])/gi, (s) => {
    const v = Number(s);
    return Number.isFinite(v) ? formatNumber(v, sig) : s;
  });
}

/**
 * An interval `[lo, hi]` printed to the decimal place of `err` (as `formatValueError` prints the
 * value), else each end to 4 significant digits.
 */
export function formatInterval(lo: number, hi: number, err?: number | null): string {
  const plain = (v: number) => formatNumber(v, 4);
  if (
    !Number.isFinite(lo) ||
    !Number.isFinite(hi) ||
    err == null ||
    !(err > 0) ||
    !Number.isFinite(err)
  )
    return `[${plain(lo)}, ${plain(hi)}]`;
  const place = exponentOf(Number(err.toPrecision(2))) - 1;
  const shared = Math.max(exponentOf(lo || err), exponentOf(hi || err), place + 1);
  if (shared < PLAIN_MIN_EXP || shared > PLAIN_MAX_EXP || place > 0)
    return `[${plain(lo)}, ${plain(hi)}]`;
  return `[${lo.toFixed(-place)}, ${hi.toFixed(-place)}]`;
}
