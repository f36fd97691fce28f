// A small notebook with one cell of every built-in type: the fixture of the round-trip, export,
// service and CLI tests, and a demo document for the UI.
import type { Notebook } from './model';

export function sampleNotebook(id = 'sample-notebook'): Notebook {
  const t = '2025-01-02T03:04:05.000Z';
  return {
    id,
    title: 'Scaling laws, revisited',
    createdAt: t,
    updatedAt: t,
    revision: 0,
    cells: [
      {
        id: 'intro',
        type: 'markdown',
        source:
          '## Loss vs compute\n\nWe fit $L(C) = E + A C^{-\\alpha}$ as in @[Chinchilla](paper:p1).\n\n$$\\hat\\alpha = \\frac{1}{n}\\sum_i \\alpha_i$$\n\nCosts $5 and $10, not math. `code $x$` stays code.\n',
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'paper1',
        type: 'paper',
        data: { paperId: 'p1', annotation: 'Compute-optimal: $N \\propto C^{0.5}$.' },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'runs',
        type: 'table',
        name: 'runs',
        data: {
          columns: [
            { name: 'compute', type: 'number' },
            { name: 'loss', type: 'number' },
            { name: 'date', type: 'date' },
            { name: 'note', type: 'string' },
          ],
          rows: [
            [1, 4.1, '2024-01-01', 'small | tiny'],
            [10, 3.2, '2024-02-01', null],
            [100, 2.7, '2024-03-01', 'base'],
            [1000, 2.45, '2024-04-01', 'large'],
          ],
          sourcePaperId: 'p1',
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'plot1',
        type: 'plot',
        data: {
          kind: 'line',
          source: 'runs',
          x: 'compute',
          y: ['loss'],
          logX: true,
          logY: false,
          title: 'Loss vs compute',
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'js1',
        type: 'javascript',
        name: 'scaled',
        source:
          "const rows = table('runs');\nconsole.log('rows', rows.length);\nreturn rows.map((r) => ({ compute: r.compute, logLoss: Math.log(r.loss) }));\n",
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
      {
        id: 'fit1',
        type: 'fit',
        data: {
          source: 'runs',
          x: 'compute',
          y: 'loss',
          model: 'E + A*x^-alpha',
          start: { E: 2, A: 2, alpha: 0.3 },
        },
        outputs: [],
        inputsHash: null,
        ranAt: null,
      },
    ],
  };
}
