// Fit benchmark: the NIST StRD nonlinear regression table. For every dataset in
// ../shared/reference/nist (relative to the repo root) and both NIST starts, fits the certified
// model with the Levenberg–Marquardt engine (Moré 1978) and prints JSON only: significant digits
// reached (minimum over parameters, LRE = −log10(|b − c|/|c|)) for the values and the standard
// errors, iterations, status and the median time per fit over N repeats, for the symbolic
// Jacobian and for central finite differences. Usage: npx tsx bench/fit/nist-table.ts [repeats]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fit } from '@shared/fit/index';
import type { FitResult } from '@shared/fit/index';
import { xColumns, type NistFile } from '@shared/fit/nist-data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nistDir = resolve(repoRoot, '../shared/reference/nist');

/** Log relative error, capped at 15 (exact agreement). */
export function lre(value: number, certified: number): number {
  if (value === certified) return 15;
  const d = -Math.log10(Math.abs(value - certified) / Math.abs(certified));
  return Number.isFinite(d) ? Math.min(15, d) : 0;
}

function runOne(d: NistFile, start: number[], jacobian: 'auto' | 'numeric'): FitResult {
  const variables = d.variables ?? ['x'];
  const y = d.log_y ?? d.y;
  const x = xColumns(d.x, variables, y.length);
  return fit(d.model, { x, y }, { start, params: d.params, variables, jacobian });
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
}

function main(): void {
  const repeats = Math.max(1, Number(process.argv[2] ?? 5) || 5);
  if (!existsSync(nistDir)) {
    console.log(JSON.stringify({ error: `${nistDir} not present (fresh clone)` }));
    return;
  }
  const rows: unknown[] = [];
  const files = readdirSync(nistDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const d = JSON.parse(readFileSync(join(nistDir, file), 'utf8')) as NistFile;
    for (const startName of ['start1', 'start2'] as const) {
      const row: Record<string, unknown> = { dataset: d.name, start: startName };
      for (const jac of ['auto', 'numeric'] as const) {
        const times: number[] = [];
        let r: FitResult | null = null;
        for (let k = 0; k < repeats; k++) {
          const t0 = performance.now();
          r = runOne(d, d[startName], jac);
          times.push(performance.now() - t0);
        }
        const res = r!;
        const key = jac === 'auto' ? 'symbolic' : 'numeric';
        row[key] = {
          paramDigits: +Math.min(
            ...res.values.map((v, k) => lre(v, d.certified.values[k]!)),
          ).toFixed(2),
          stdErrorDigits: +Math.min(
            ...res.stdErrors.map((v, k) => lre(v, d.certified.std_errors[k]!)),
          ).toFixed(2),
          rssDigits: +lre(res.rss, d.certified.residual_sum_of_squares).toFixed(2),
          status: res.status,
          reason: res.reason,
          iterations: res.iterations,
          evaluations: res.evaluations,
          msPerFit: +median(times).toFixed(3),
        };
      }
      rows.push(row);
    }
  }
  console.log(JSON.stringify({ repeats, nistDir, rows }, null, 2));
}

main();
