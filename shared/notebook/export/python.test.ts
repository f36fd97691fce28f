// Fit formulas translated to NumPy: the Python expression evaluates to what shared/fit's mathjs
// formula gives at the same points (checked by Debian's python3 with NumPy/SciPy; skipped with the
// reason when they are missing), with Python's precedence (`**` to the right, unary minus below it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../fit/index';
import { createDefaultRegistry } from '../cells/index';
import type { Cell, Notebook } from '../model';
import { exportIpynb } from './index';
import { formulaToPython, pyIdent, pyNumber } from './python';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const probe = spawnSync(PYTHON, ['-c', 'import numpy, scipy.special'], { timeout: 60_000 });
const MISSING = probe.status === 0 ? null : 'python3 with numpy and scipy is not available';

const FORMULAS = [
  'E + A*x^-alpha',
  '-x^2 + a',
  '(-x)^2 * a',
  'a^b^x',
  'a - (b - x)',
  'a / (b * x)',
  'a * exp(-k * x) + c',
  'L / (1 + exp(-k * (x - x0)))',
  'h * (1 + erf((x - x0) / w)) / 2',
  'x > a ? b * x : b * a',
  'log(x, a) + sqrt(abs(b))',
  'a * sin(2 * pi * x / b) + max(x, a)',
  'a * mod(x, b) + lgamma(x) * 0 + cube(a)',
];

describe('formulaToPython', () => {
  it('spells Python precedence and NumPy functions', () => {
    const id = (s: string) => s;
    expect(formulaToPython('E + A*x^-alpha', id)).toBe('E + A * x ** -alpha');
    expect(formulaToPython('(-x)^2', id)).toBe('(-x) ** 2');
    expect(formulaToPython('-x^2', id)).toBe('-x ** 2');
    expect(formulaToPython('a - (b - x)', id)).toBe('a - (b - x)');
    expect(formulaToPython('a*pi', id)).toBe('a * np.pi');
    expect(pyIdent('lambda')).toBe('lambda_');
    expect(pyNumber(Infinity)).toBe('np.inf');
  });

  it.skipIf(MISSING !== null)(
    `evaluates like the mathjs formula at the same points${MISSING ? ` (skipped: ${MISSING})` : ''}`,
    () => {
      const params = { a: 1.7, b: 0.8, c: -0.3, k: 0.45, E: 1.2, A: 3.5, alpha: 0.31 };
      const extra = { L: 2.5, x0: 1.1, h: 0.9, w: 0.7 };
      const scope: Record<string, number> = { ...params, ...extra };
      const xs = [0.5, 1.3, 2.9, 4.2];
      const lines: string[] = ['import numpy as np', 'import scipy.special as sp', 'out = []'];
      const expected: number[] = [];
      for (const f of FORMULAS) {
        const compiled = compileFormula(f);
        const b = compiled.params.map((p) => scope[p]!);
        for (const x of xs) expected.push(compiled.evaluate(b, [x]));
        const expr = formulaToPython(f, (s) => pyIdent(s));
        const binds = compiled.params.map((p) => `${pyIdent(p)} = ${pyNumber(scope[p])}`);
        lines.push(
          ...binds,
          `x = np.array([${xs.map(pyNumber).join(', ')}])`,
          `out += [float(v) for v in np.broadcast_to(${expr}, x.shape)]`,
        );
      }
      lines.push('print(repr(out))');
      const r = spawnSync(PYTHON, ['-c', lines.join('\n')], { encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      const got = JSON.parse(r.stdout.trim()) as number[];
      expect(got.length).toBe(expected.length);
      got.forEach((v, i) =>
        expect(v, `${FORMULAS[Math.floor(i / xs.length)]} at x = ${xs[i % xs.length]}`).toBeCloseTo(
          expected[i]!,
          10,
        ),
      );
    },
  );

  it.skipIf(MISSING !== null)(
    `writes code cells Python compiles, whatever the names hold${MISSING ? ` (skipped: ${MISSING})` : ''}`,
    () => {
      const cell = (c: Partial<Cell> & Pick<Cell, 'id' | 'type'>): Cell => ({
        outputs: [],
        inputsHash: null,
        ranAt: null,
        ...c,
      });
      // Line breaks and quotes in names must not turn a comment or a string into code.
      const xName = 'dose\nimport os; os.remove("x")';
      const yName = 'resp\'onse\r\n"""';
      const nb: Notebook = {
        id: 'names',
        title: 'Names',
        createdAt: '',
        updatedAt: '',
        revision: 0,
        cells: [
          cell({
            id: 't1',
            type: 'table',
            name: 'class',
            data: {
              columns: [
                { name: xName, type: 'number' },
                { name: yName, type: 'number' },
              ],
              rows: [
                [1, 2.5],
                [2, 3.9],
                [3, null],
              ],
            },
          }),
          cell({
            id: 'f1',
            type: 'fit',
            data: { source: 'class', x: xName, y: yName, model: 'a + b*x' },
          }),
          cell({
            id: 'p1',
            type: 'plot',
            data: { kind: 'line', source: 'class', x: xName, y: [yName], title: 'a\nb' },
          }),
          cell({
            id: 'g1',
            type: 'graph',
            data: { source: { kind: 'edges', cell: 'no\nsuch' }, seed: 0 },
          }),
        ],
      };
      const doc = exportIpynb(nb, { registry: createDefaultRegistry() });
      const code = doc.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
      expect(code.length).toBe(4);
      const script = `import json, sys\nfor i, src in enumerate(json.load(sys.stdin)):\n    compile(src, f"cell{i}", "exec")\nprint("ok")`;
      const r = spawnSync(PYTHON, ['-c', script], {
        input: JSON.stringify(code),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('ok');
    },
  );
});
