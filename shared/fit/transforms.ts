// Fit bounds transforms (MINUIT, as in lmfit): a bounded parameter b is fitted through an
// unbounded internal u — sin for two-sided bounds, √(u²+1) for one-sided ones.

/** Internal u ↦ external b, its inverse and db/du. */
export type Transform = {
  toExternal: (u: number) => number;
  toInternal: (b: number) => number;
  /** db/du at u. */
  deriv: (u: number) => number;
};

export function makeTransform(lo: number, hi: number): Transform | null {
  const finiteLo = Number.isFinite(lo);
  const finiteHi = Number.isFinite(hi);
  if (finiteLo && finiteHi) {
    const half = (hi - lo) / 2;
    return {
      toExternal: (u) => lo + half * (Math.sin(u) + 1),
      toInternal: (b) => Math.asin(Math.max(-1, Math.min(1, (b - lo) / half - 1))),
      deriv: (u) => half * Math.cos(u),
    };
  }
  if (finiteLo)
    return {
      toExternal: (u) => lo - 1 + Math.sqrt(u * u + 1),
      toInternal: (b) => Math.sqrt(Math.max(0, (b - lo + 1) ** 2 - 1)),
      deriv: (u) => u / Math.sqrt(u * u + 1),
    };
  if (finiteHi)
    return {
      toExternal: (u) => hi + 1 - Math.sqrt(u * u + 1),
      toInternal: (b) => Math.sqrt(Math.max(0, (hi - b + 1) ** 2 - 1)),
      deriv: (u) => -u / Math.sqrt(u * u + 1),
    };
  return null;
}
