// Agreement between two labelings of the same items: adjusted Rand index (Hubert & Arabie 1985) and
// normalised mutual information (arithmetic-mean normalisation, as scikit-learn's default).

function table(a: readonly string[], b: readonly string[]) {
  const ai = new Map<string, number>();
  const bi = new Map<string, number>();
  for (const x of a) if (!ai.has(x)) ai.set(x, ai.size);
  for (const x of b) if (!bi.has(x)) bi.set(x, bi.size);
  const n = Array.from({ length: ai.size }, () => new Array<number>(bi.size).fill(0));
  a.forEach((x, i) => n[ai.get(x)!]![bi.get(b[i]!)!]!++);
  return n;
}

const c2 = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  const n = table(a, b);
  const rows = n.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = n[0] ? n[0].map((_, j) => n.reduce((s, r) => s + r[j]!, 0)) : [];
  const index = n.flat().reduce((s, v) => s + c2(v), 0);
  const sa = rows.reduce((s, v) => s + c2(v), 0);
  const sb = cols.reduce((s, v) => s + c2(v), 0);
  const expected = (sa * sb) / c2(a.length);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export function normalisedMutualInformation(a: readonly string[], b: readonly string[]): number {
  const n = table(a, b);
  const N = a.length;
  const rows = n.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = n[0] ? n[0].map((_, j) => n.reduce((s, r) => s + r[j]!, 0)) : [];
  const h = (xs: number[]) => -xs.reduce((s, v) => (v ? s + (v / N) * Math.log(v / N) : s), 0);
  let mi = 0;
  n.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v) mi += (v / N) * Math.log((N * v) / (rows[i]! * cols[j]!));
    }),
  );
  const denom = (h(rows) + h(cols)) / 2;
  return denom === 0 ? 1 : mi / denom;
}
