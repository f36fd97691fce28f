/// <reference types="node" />
// Fit engine against the NIST StRD nonlinear regression datasets (certified values computed in
// 128-bit precision): every JSON in ../shared/reference/nist, from both NIST starts, must reach
// 6 significant digits in the parameters and 3 in the standard errors (log relative error).
// Engine: MINPACK-style Levenberg–Marquardt (Moré 1978).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fit } from './engine';
import { xColumns, type NistFile } from './nist-data';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nistDir = resolve(repoRoot, '../shared/reference/nist');

/** Significant digits of agreement: −log10(|b − c| / |c|), 15 when exact. */
function digits(value: number, certified: number): number {
  if (value === certified) return 15;
  const d = -Math.log10(Math.abs(value - certified) / Math.abs(certified));
  return Number.isNaN(d) ? 0 : d;
}

if (!existsSync(nistDir)) {
  describe('NIST StRD nonlinear regression', () => {
    it.skip('../shared/reference not present (fresh clone): skipping NIST checks', () => {});
  });
} else {
  const files = readdirSync(nistDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  describe('NIST StRD nonlinear regression', () => {
    it('finds the datasets', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      const d = JSON.parse(readFileSync(join(nistDir, file), 'utf8')) as NistFile;
      for (const start of ['start1', 'start2'] as const) {
        it(`${d.name} from ${start}: 6 digits in values, 3 in standard errors`, () => {
          const variables = d.variables ?? ['x'];
          const y = d.log_y ?? d.y;
          const x = xColumns(d.x, variables, y.length);
          const r = fit(d.model, { x, y }, { start: d[start], params: d.params, variables });
          expect(r.status).toBe('converged');
          const valueDigits = r.values.map((v, k) => digits(v, d.certified.values[k]!));
          const seDigits = r.stdErrors.map((v, k) => digits(v, d.certified.std_errors[k]!));
          expect(Math.min(...valueDigits), `values ${r.values.join(', ')}`).toBeGreaterThanOrEqual(
            6,
          );
          expect(
            Math.min(...seDigits),
            `std errors ${r.stdErrors.join(', ')}`,
          ).toBeGreaterThanOrEqual(3);
        });
      }
    }
  });
}
