// Axis ticks and tick labels shared by the app's SVG charts and the exported SVG: 1-2-5 steps on
// linear axes; decades on log axes, with 2× and 5× ticks (or plain steps) when the range spans
// less than a few decades, so a narrow log axis still gets at least two labelled ticks.

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10) * mag;
}

function linearTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const step = niceStep(hi - lo, count);
  const out: number[] = [];
  // Bounded: (hi − lo) / step ≤ ~2·count by construction of niceStep.
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9 && out.length < 50; k++) {
    const v = k * step;
    // Round away binary noise (0.30000000000000004) so labels stay short.
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** Tick values (in data units) for an axis showing [lo, hi] (data units, lo > 0 on log axes). */
export function axisTicks(lo: number, hi: number, log: boolean, count = 5): number[] {
  if (!log) return linearTicks(lo, hi, count);
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const inRange = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const decades: number[] = [];
  const every = Math.max(1, Math.ceil((Math.floor(b) - Math.ceil(a)) / 6));
  for (let k = Math.ceil(a - 1e-9); k <= b + 1e-9 && decades.length < 50; k += every)
    decades.push(10 ** k);
  if (decades.length >= 3) return decades;
  const sub: number[] = [];
  for (let k = Math.floor(a) - 1; k <= Math.ceil(b) && sub.length < 50; k++)
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (inRange(v)) sub.push(v);
    }
  if (sub.length >= 2) return sub;
  // Less than a factor of ~2.5 between the ends: plain steps read best.
  return linearTicks(lo, hi, count).filter((v) => v > 0);
}

/** A tick label: up to `digits` significant digits, exponent form for very large or small values. */
export function tickLabel(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [m = '', e = ''] = v.toExponential(digits - 1).split('e');
    return `${String(Number(m))}e${e.replace('+', '')}`;
  }
  return String(Number(v.toPrecision(digits)));
}

/** Labels for a set of ticks: the fewest digits (≥ 3) that tell neighbouring ticks apart. */
export function tickLabels(values: readonly number[]): string[] {
  for (let digits = 3; digits < 10; digits++) {
    const out = values.map((v) => tickLabel(v, digits));
    if (new Set(out).size === out.length) return out;
  }
  return values.map((v) => tickLabel(v, 10));
}

/** Width in px of a label in an 11 px sans-serif font, a little generous (no DOM to measure). */
export function labelWidth(text: string, fontPx = 11): number {
  return text.length * fontPx * 0.62;
}
