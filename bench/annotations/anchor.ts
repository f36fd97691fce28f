// Anchoring cost per highlight (shared/annotations/anchor.ts) on abstract-sized and long texts:
// unchanged (position), moved (quote search), edited (approximate match) and removed (orphaned:
// the approximate search runs to the end and finds nothing). Prints JSON; run with `tsx`.
import { anchor, selectorsOf } from '@shared/annotations/anchor';

/** Deterministic filler text: sentences of words from a small vocabulary (seeded LCG). */
function text(sentences: number, seed: number): string {
  const words = 'graph model bound error scale expert vector layer noise sample loss fit law'.split(
    ' ',
  );
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: sentences }, () => {
    const n = 8 + (next() % 12);
    const w = Array.from({ length: n }, () => words[next() % words.length]);
    return `${w.join(' ')}.`;
  }).join(' ');
}

function time(fn: () => unknown, reps: number): number {
  fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / reps;
}

const results = [];
for (const sentences of [10, 100, 1000]) {
  const base = text(sentences, 7);
  const quote = 'The rewiring reduces over-squashing by forty percent on long paths.';
  const original = `${base} ${quote} ${base}`;
  const at = original.indexOf(quote);
  const sel = selectorsOf(original, at, at + quote.length);
  const moved = `${quote} ${base} ${base}`;
  const edited = original.replace('forty percent', '41 percent');
  const removed = original.replace(quote, '');
  const reps = sentences >= 1000 ? 3 : 30;
  const ms = (t: string) => Number(time(() => anchor(t, sel), reps).toFixed(3));
  results.push({
    textChars: original.length,
    quoteChars: quote.length,
    positionMs: ms(original),
    quoteMs: ms(moved),
    fuzzyMs: ms(edited),
    orphanedMs: ms(removed),
    methods: [original, moved, edited, removed].map((t) => anchor(t, sel)?.method ?? 'orphaned'),
  });
}
console.log(JSON.stringify({ bench: 'annotations/anchor', results }, null, 2));
