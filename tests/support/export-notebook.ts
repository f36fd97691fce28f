// A notebook for the export tests, computed with the real engines: fits run by shared/fit (presets,
// a formula with a special function, two variables, a log response, weights and bounds), graphs
// built and measured by shared/graph (Zachary's karate club, a weighted edge list), plus a table,
// a plot, a JavaScript cell with a long status line and references with and without authors.
import { fit } from '@shared/fit/index';
import { graphFromSource } from '@shared/graph/ops';
import { computeMetrics } from '@shared/graph/metrics';
import { createDefaultRegistry } from '@shared/notebook/cells/index';
import { edgesFromTable, graphDrawing, graphOutputs } from '@shared/notebook/cells/graph';
import type { Cell, Notebook } from '@shared/notebook/model';
import type { PaperRef } from '@shared/notebook/registry';
import { tableOf } from '@shared/notebook/tables';

export const registry = createDefaultRegistry();

export const PAPERS: Record<string, PaperRef> = {
  chinchilla: {
    id: 'chinchilla',
    title: 'Training Compute-Optimal Large Language Models',
    authors: ['Jordan Hoffmann', 'Sebastian Borgeaud', 'Arthur Mensch', 'Elena Buchatskaya'],
    year: 2022,
    venue: 'Advances in Neural Information Processing Systems',
    doi: '10.48550/arXiv.2203.15556',
    arxivId: '2203.15556',
    url: '',
  },
  // The feed's papers have no authors or venue: the reference must not read "1. . A Dynamical…".
  dynamical: {
    id: 'dynamical',
    title: 'A Dynamical Model of Neural Scaling Laws',
    authors: [],
    year: 2024,
    venue: '',
    doi: '',
    arxivId: '2402.01092',
    url: '',
  },
};
export const paper = (id: string): PaperRef | undefined => PAPERS[id];

const cell = (c: Partial<Cell> & Pick<Cell, 'id' | 'type'>): Cell => ({
  outputs: [],
  inputsHash: null,
  ranAt: null,
  ...c,
});

/** Measured values as a user pastes them: 6 significant digits (tables print their data as given). */
const measured = (row: number[]) => row.map((v) => Number(v.toPrecision(6)));

/** Deterministic "noise" (no RNG needed): a few per cent, different at every row. */
const wobble = (i: number, scale: number) => 1 + scale * Math.sin(12.9898 * (i + 1));

function scalingRows(): number[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const c = 10 ** (15 + (6 * i) / 11);
    const n = 10 ** (7 + (3 * ((i * 5) % 12)) / 11);
    const d = c / (6 * n);
    const loss = (1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28) * wobble(i, 0.01);
    const simple = (1.7 + 400 * c ** -0.3) * wobble(i, 0.004);
    return measured([c, n, d, loss, simple, 0.01 * simple]);
  });
}

function decayRows(): number[][] {
  return Array.from({ length: 15 }, (_, i) => {
    const t = i * 0.5;
    return measured([
      t,
      (3 * Math.exp(-0.7 * t) + 0.5) * wobble(i, 0.02),
      0.5 * (1 + Math.tanh(t - 3)) * wobble(i + 3, 0.01),
    ]);
  });
}

/** The prose and the measured tables the fits read. */
function tableCells(): Cell[] {
  return [
    cell({
      id: 'intro',
      type: 'markdown',
      source:
        'We refit $L = E + A C^{-\\alpha}$ from @[Chinchilla](paper:chinchilla) and compare with @[the dynamical model](paper:dynamical).',
    }),
    cell({
      id: 'runs',
      type: 'table',
      name: 'runs',
      data: {
        columns: ['compute', 'params', 'tokens', 'loss', 'simple', 'err'].map((name) => ({
          name,
          type: 'number',
        })),
        rows: scalingRows(),
        sourcePaperId: 'chinchilla',
      },
    }),
    cell({
      id: 'decay',
      type: 'table',
      name: 'decay',
      data: {
        columns: [
          { name: 't', type: 'number' },
          { name: 'signal', type: 'number' },
          { name: 'step', type: 'number' },
        ],
        rows: decayRows(),
      },
    }),
  ];
}

/** Fits: presets, a formula with weights and bounds, two variables, a log response, a special function. */
function fitCells(): Cell[] {
  return [
    cell({
      id: 'fit_offset',
      type: 'fit',
      data: { source: 'runs', x: 'compute', y: 'simple', model: 'power-law-offset' },
    }),
    cell({
      id: 'fit_weighted',
      type: 'fit',
      data: {
        source: 'runs',
        x: 'compute',
        y: 'simple',
        sigma: 'err',
        model: 'E + A*x^-alpha',
        start: { E: 1.5, A: 300, alpha: 0.25 },
        bounds: { alpha: [0.01, 2] },
      },
    }),
    cell({
      id: 'fit_chinchilla',
      type: 'fit',
      data: { source: 'runs', x: ['params', 'tokens'], y: 'loss', model: 'chinchilla' },
    }),
    cell({
      id: 'fit_loglog',
      type: 'fit',
      data: { source: 'runs', x: 'compute', y: 'simple', model: 'log-log-linear' },
    }),
    cell({
      id: 'fit_decay',
      type: 'fit',
      data: { source: 'decay', x: 't', y: 'signal', model: 'exponential-decay' },
    }),
    cell({
      id: 'fit_erf',
      type: 'fit',
      data: {
        source: 'decay',
        x: 't',
        y: 'step',
        model: 'h * (1 + erf((x - x0) / w)) / 2',
        start: { h: 1, x0: 2.5, w: 1 },
      },
    }),
  ];
}

/** A plot, and a JavaScript cell whose output has a long status line. */
function plotAndScriptCells(): Cell[] {
  return [
    cell({
      id: 'plot1',
      type: 'plot',
      data: {
        kind: 'scatter',
        source: 'runs',
        x: 'compute',
        y: ['simple'],
        logX: true,
        logY: true,
      },
    }),
    cell({
      id: 'js1',
      type: 'javascript',
      source:
        "const rows = table('runs');\nconsole.log('rows', rows.length);\nreturn rows.map((r) => ({ compute: r.compute, ratio: r.loss / r.simple }));\n",
      outputs: [
        {
          kind: 'console',
          level: 'log',
          text:
            'status: converged after 37 iterations (relative reduction in the sum of squares below ftol = 1e-10); ' +
            'checked every parameter against its bounds, none at a bound; '.repeat(3) +
            'https://example.org/a/very/long/path/' +
            'segment/'.repeat(30),
        },
        {
          kind: 'table',
          columns: ['compute', 'ratio'],
          rows: scalingRows().map((r) => [r[0], (r[3] ?? 0) / (r[4] ?? 1)]),
        },
      ],
    }),
  ];
}

/** Graphs: Zachary's karate club and a weighted edge list. */
function graphCells(): Cell[] {
  return [
    cell({
      id: 'edges',
      type: 'table',
      name: 'edges',
      data: {
        columns: [
          { name: 'from', type: 'string' },
          { name: 'to', type: 'string' },
          { name: 'w', type: 'number' },
        ],
        rows: [
          ['a', 'b', 1],
          ['b', 'c', 2],
          ['c', 'a', 1.5],
          ['c', 'd', 0.5],
          ['d', 'e', 3],
          ['e', 'f', 1],
          ['f', 'd', 2.5],
          ['f', 'g', 1],
          ['h', 'i', 1],
        ],
      },
    }),
    cell({
      id: 'karate',
      type: 'graph',
      data: { source: { kind: 'generator', model: 'karate' }, seed: 0 },
    }),
    cell({
      id: 'weighted',
      type: 'graph',
      data: {
        source: { kind: 'edges', cell: 'edges', weightColumn: 'w' },
        seed: 0,
      },
    }),
  ];
}

/** The cells, fits and graphs not yet run. */
export function exportNotebook(): Notebook {
  return {
    id: 'export-fixture',
    title: 'Scaling laws: fits and graphs to hand over',
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
    revision: 0,
    cells: [...tableCells(), ...fitCells(), ...plotAndScriptCells(), ...graphCells()],
  };
}

/** Runs the fits (shared/fit) and the graphs (shared/graph, as the graph cell view does). */
export async function ranExportNotebook(): Promise<Notebook> {
  const nb = exportNotebook();
  for (const c of nb.cells) {
    if (c.type === 'fit')
      c.outputs = await registry.get('fit')!.run!(c, {
        notebook: nb,
        signal: new AbortController().signal,
        runJavaScript: () => Promise.reject(new Error('no JavaScript here')),
        fit: (m, data, options) => Promise.resolve(fit(m, data, options)),
      });
  }
  const karate = nb.cells.find((c) => c.id === 'karate')!;
  const kg = graphFromSource({ kind: 'karate' });
  const km = computeMetrics(kg, { seed: 0 });
  const kEdges: { source: string; target: string }[] = [];
  kg.forEachEdge((_e, _a, s, t) => kEdges.push({ source: s, target: t }));
  karate.outputs = graphOutputs(
    km,
    graphDrawing(
      kg.mapNodes((id) => ({ id })),
      kEdges,
      km,
    ),
  );

  const weighted = nb.cells.find((c) => c.id === 'weighted')!;
  const edges = edgesFromTable(tableOf(nb, 'edges')!, {
    kind: 'edges',
    cell: 'edges',
    weightColumn: 'w',
  });
  const wg = graphFromSource({ kind: 'edges', edges, directed: false, allowSelfLoops: false });
  const wm = computeMetrics(wg, { seed: 0, weighted: true });
  const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))].map((id) => ({ id }));
  weighted.outputs = graphOutputs(wm, graphDrawing(ids, edges, wm));
  return nb;
}
