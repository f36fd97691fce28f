// The exported .ipynb runs: Debian's `jupyter nbconvert --to notebook --execute` executes every
// cell on a Python 3 kernel, the refitted parameters (scipy.optimize.curve_fit on the embedded data,
// same model and starting values) reproduce shared/fit's, and networkx's metrics of the embedded
// graphs match shared/graph's. Skips, naming what is missing, without python3 + nbconvert, ipykernel,
// SciPy, networkx and pandas (Debian: python3-nbconvert python3-ipykernel python3-scipy
// python3-networkx python3-pandas).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exportIpynb } from '@shared/notebook/export/index';
import type { Cell } from '@shared/notebook/model';
import type { IpynbCell } from '@shared/notebook/registry';
import { paper, ranExportNotebook, registry } from '../support/export-notebook';

/** Debian's python3: another python3 (a pyenv shim) may come first on PATH and lack the packages. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const MODULES = ['nbconvert', 'ipykernel', 'scipy', 'networkx', 'pandas'];

function missingTools(): string | null {
  const r = spawnSync(
    PYTHON,
    [
      '-c',
      `import importlib.util as u; print(",".join(m for m in ${JSON.stringify(MODULES)} if u.find_spec(m) is None))`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (r.error || r.status !== 0) return `${PYTHON} is not available`;
  const missing = r.stdout.trim();
  return missing ? `python3 lacks ${missing}` : null;
}

const MISSING = missingTools();
/** Optional: the refit charts need matplotlib (python3-matplotlib); without it they are skipped. */
const HAS_MATPLOTLIB =
  MISSING === null &&
  spawnSync(PYTHON, ['-c', 'import matplotlib'], { timeout: 60_000 }).status === 0;
const title = (t: string) => (MISSING ? `${t} (skipped: ${MISSING})` : t);

/** A last cell that prints every fit_* / graph_* result as JSON (NaN as null). */
const PROBE: IpynbCell = {
  id: 'probe',
  cell_type: 'code',
  metadata: {},
  execution_count: null,
  outputs: [],
  source: [
    'import json, math\n',
    'def _clean(v):\n',
    '    v = float(v) if not isinstance(v, (int, str, dict)) else v\n',
    '    return None if isinstance(v, float) and math.isnan(v) else v\n',
    'print("QUIRE-RESULTS " + json.dumps({k: {n: _clean(x) for n, x in v.items()} for k, v in dict(globals()).items() if k.startswith(("fit_", "graph_")) and isinstance(v, dict)}))\n',
  ],
};

/** Our stored parameter table of a fit cell: name → [value, stdError]. */
function ourParams(c: Cell): Map<string, [number, number]> {
  const t = c.outputs.find((o) => o.kind === 'table' && o.columns[0] === 'parameter');
  if (!t || t.kind !== 'table') throw new Error(`fit cell ${c.id} has no parameter table`);
  const v = t.columns.indexOf('value');
  const se = t.columns.indexOf('stdError');
  return new Map(t.rows.map((r) => [String(r[0]), [Number(r[v]), Number(r[se])]]));
}

/** Our stored metrics summary of a graph cell: metric → value. */
function ourMetrics(c: Cell): Map<string, number | null> {
  const t = c.outputs.find((o) => o.kind === 'table' && o.columns[0] === 'metric');
  if (!t || t.kind !== 'table') throw new Error(`graph cell ${c.id} has no metrics table`);
  return new Map(t.rows.map((r) => [String(r[0]), r[1] === null ? null : Number(r[1])]));
}

describe('exported .ipynb executed by nbconvert', () => {
  it.skipIf(MISSING !== null)(
    title('runs every cell; the fits reproduce our parameters and the graphs our metrics'),
    async () => {
      const nb = await ranExportNotebook();
      const doc = exportIpynb(nb, { registry, paper });
      doc.cells.push(PROBE);
      const dir = mkdtempSync(join(tmpdir(), 'quire-nbconvert-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      writeFileSync(join(dir, 'in.ipynb'), JSON.stringify(doc, null, 1));
      execFileSync(
        PYTHON,
        ['-m', 'nbconvert', '--to', 'notebook', '--execute', '--output', 'out.ipynb', 'in.ipynb'],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 300_000,
          env: {
            ...process.env,
            JUPYTER_RUNTIME_DIR: join(dir, 'runtime'),
            PYDEVD_DISABLE_FILE_VALIDATION: '1',
          },
        },
      );
      const out = JSON.parse(readFileSync(join(dir, 'out.ipynb'), 'utf8')) as {
        cells: {
          id: string;
          outputs?: { output_type: string; text?: string[] | string; data?: object }[];
        }[];
      };
      const probeText = (out.cells.find((c) => c.id === 'probe')?.outputs ?? [])
        .flatMap((o) => [o.text ?? []].flat())
        .join('');
      const line = /QUIRE-RESULTS (.*)/.exec(probeText)?.[1];
      expect(line, 'the probe cell printed the results').toBeDefined();
      const results = JSON.parse(line!) as Record<string, Record<string, number | null>>;

      // Every fit cell printed its parameters, and each matches ours to 1e-4 relative or
      // within our standard error.
      const fits = nb.cells.filter((c) => c.type === 'fit');
      expect(fits.length).toBeGreaterThanOrEqual(6);
      const report: Record<string, number> = {};
      for (const c of fits) {
        const py = results[`fit_${c.id}`];
        expect(py, `fit_${c.id} in the executed notebook`).toBeDefined();
        for (const [name, [value, se]] of ourParams(c)) {
          const got = py![name];
          expect(got, `${c.id}.${name}`).toBeTypeOf('number');
          const diff = Math.abs(got! - value);
          report[`${c.id}.${name}`] = diff / Math.max(Math.abs(value), 1e-300);
          expect(
            diff <= 1e-4 * Math.abs(value) || diff <= se,
            `${c.id}.${name}: SciPy ${got} vs ours ${value} ± ${se}`,
          ).toBe(true);
        }
        // The printed standard errors agree too (same covariance definition).
        const pyErr = results[`fit_${c.id}_err`];
        for (const [name, [, se]] of ourParams(c))
          expect(Math.abs(pyErr![name]! - se), `${c.id}.${name} std. error`).toBeLessThanOrEqual(
            0.01 * se + 1e-12,
          );
      }
      console.log(JSON.stringify({ ipynbFitRelativeDifference: report }));

      // Where matplotlib is installed, each one-variable fit draws its chart again when run.
      if (HAS_MATPLOTLIB)
        for (const c of fits.filter((c) => !Array.isArray((c.data as { x: unknown }).x))) {
          const outputs = out.cells.find((o) => o.id === c.id)?.outputs ?? [];
          expect(
            outputs.some((o) => o.data && 'image/png' in o.data),
            `${c.id} shows a chart after running`,
          ).toBe(true);
        }

      // Every graph cell's metrics, recomputed by networkx on the embedded graph, match ours.
      const graphs = nb.cells.filter((c) => c.type === 'graph');
      expect(graphs.length).toBe(2);
      for (const c of graphs) {
        const py = results[`graph_${c.id}`];
        expect(py, `graph_${c.id} in the executed notebook`).toBeDefined();
        const ours = ourMetrics(c);
        for (const [metric, value] of ours) {
          if (!(metric in py!)) continue;
          const got = py![metric];
          if (value === null) expect(got, `${c.id} ${metric}`).toBeNull();
          else expect(got, `${c.id} ${metric}`).toBeCloseTo(value, 9);
        }
        for (const metric of [
          'nodes',
          'edges',
          'density',
          'average clustering',
          'components',
          'diameter (largest component)',
          'degree assortativity',
          'modularity',
          'communities',
        ])
          expect(py, `${c.id} computes ${metric}`).toHaveProperty(metric);
      }
    },
    360_000,
  );
});
