// Document model: file round-trip of every cell type, the diff-friendly layout, migrations,
// staleness, pasted tables, registry extension.
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from './cells/index';
import { decodeNotebook, encodeNotebook } from './file-format';
import { migrate, type Migration } from './migrations';
import type { Notebook } from './model';
import { validateCell } from './registry';
import { sampleNotebook } from './sample';
import { cellStatus, inputsHash } from './staleness';
import { parseDelimited, tableOf } from './tables';

const registry = createDefaultRegistry();

function withOutputs(): Notebook {
  const nb = sampleNotebook();
  const js = nb.cells.find((c) => c.id === 'js1');
  if (!js) throw new Error('fixture');
  js.outputs = [
    { kind: 'console', level: 'log', text: 'rows 4' },
    {
      kind: 'table',
      columns: ['compute', 'logLoss'],
      rows: [
        [1, 1.41],
        [10, 1.16],
      ],
    },
    { kind: 'json', value: { a: [1, 2, { b: null }] } },
    { kind: 'text', text: 'line 1\nline 2\n' },
    { kind: 'error', name: 'TypeError', message: 'x is\nnot a function' },
    { kind: 'svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  ];
  js.inputsHash = inputsHash(registry, js, nb);
  js.ranAt = '2025-01-02T03:05:00.000Z';
  nb.cells.push({
    id: 'g1',
    type: 'timeline',
    data: { generator: 'er', n: 10 },
    outputs: [],
    inputsHash: null,
    ranAt: null,
  });
  nb.cells.push({
    id: 'g2',
    type: 'graph',
    data: { source: { kind: 'generator', model: 'karate' }, seed: 0 },
    outputs: [
      { kind: 'table', columns: ['metric', 'value'], rows: [['nodes', 34]] },
      { kind: 'json', value: { kind: 'quire-graph', version: 1, nodes: [], edges: [] } },
    ],
    inputsHash: null,
    ranAt: null,
  });
  return nb;
}

describe('notebook file', () => {
  it('round-trips every cell type (and an unknown one) exactly', () => {
    const nb = withOutputs();
    const types = new Set(nb.cells.map((c) => c.type));
    for (const t of registry.all()) expect(types).toContain(t.type);
    const text = encodeNotebook(nb);
    expect(decodeNotebook(text)).toEqual(nb);
    // Saving what was loaded gives the same bytes: no churn in diffs.
    expect(encodeNotebook(decodeNotebook(text))).toBe(text);
  });

  it('is diff-friendly: header first, sources as lines, one table row per line', () => {
    const text = encodeNotebook(sampleNotebook());
    const lines = text.split('\n');
    expect(lines.slice(1, 3)).toEqual(['  "format": "quire-notebook",', '  "version": 1,']);
    expect(text).toContain('"## Loss vs compute\\n",');
    expect(text).toContain('[1, 4.1, "2024-01-01", "small | tiny"]');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('rejects what is not a notebook, with a reason', () => {
    expect(() => decodeNotebook('{')).toThrow(/not valid JSON/);
    expect(() => decodeNotebook('{"format":"other"}')).toThrow(/not a Quire notebook/);
    expect(() => decodeNotebook('{"format":"quire-notebook","version":99}')).toThrow(/newer Quire/);
    const bad = JSON.parse(encodeNotebook(sampleNotebook())) as { cells: { id: string }[] };
    bad.cells[0]!.id = 'has space';
    expect(() => decodeNotebook(JSON.stringify(bad))).toThrow(/cells\.0\.id/);
  });
});

describe('migrations', () => {
  const v0 = {
    format: 'quire-notebook',
    version: 0,
    id: 'old1',
    name: 'Prototype notebook',
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-02T00:00:00.000Z',
    cells: [
      { id: 'a', kind: 'markdown', content: '# Hi\n$x^2$\n' },
      { id: 'b', kind: 'javascript', content: 'return 1', output: '1' },
    ],
  };

  it('reads a synthetic version-0 file as the current model', () => {
    const nb = decodeNotebook(JSON.stringify(v0));
    expect(nb).toEqual({
      id: 'old1',
      title: 'Prototype notebook',
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-02T00:00:00.000Z',
      revision: 0,
      cells: [
        {
          id: 'a',
          type: 'markdown',
          source: '# Hi\n$x^2$\n',
          outputs: [],
          inputsHash: null,
          ranAt: null,
        },
        {
          id: 'b',
          type: 'javascript',
          source: 'return 1',
          outputs: [{ kind: 'text', text: '1' }],
          inputsHash: null,
          ranAt: null,
        },
      ],
    });
    // …and writes it back in version 1.
    expect(JSON.parse(encodeNotebook(nb)).version).toBe(1);
  });

  it('runs steps in order and fails clearly on a gap', () => {
    const calls: string[] = [];
    const steps: Migration[] = [
      { from: 0, to: 1, describe: 'x', up: (r) => (calls.push('0→1'), { ...r, version: 1 }) },
    ];
    expect(migrate({ version: 0 }, steps).version).toBe(1);
    expect(calls).toEqual(['0→1']);
    expect(() => migrate({ version: 0 }, [])).toThrow(/no migration from format version 0/);
  });
});

describe('staleness', () => {
  it('marks an output stale when its source or a table it reads changes', () => {
    const nb = withOutputs();
    const js = nb.cells.find((c) => c.id === 'js1')!;
    expect(cellStatus(registry, js, nb)).toBe('fresh');
    expect(
      cellStatus(
        registry,
        nb.cells.find((c) => c.id === 'fit1')!,
        nb,
      ),
    ).toBe('never-run');
    expect(cellStatus(registry, nb.cells[0]!, nb)).toBe('not-computable');
    // Edit the table it reads.
    const runs = nb.cells.find((c) => c.id === 'runs')!;
    const data = runs.data as { rows: unknown[][] };
    data.rows[0] = [1, 4.2, '2024-01-01', 'edited'];
    expect(cellStatus(registry, js, nb)).toBe('stale');
    // An unrelated edit does not.
    const nb2 = withOutputs();
    nb2.cells[0]!.source += '\nmore prose';
    expect(
      cellStatus(
        registry,
        nb2.cells.find((c) => c.id === 'js1')!,
        nb2,
      ),
    ).toBe('fresh');
    // Its own source does.
    nb2.cells.find((c) => c.id === 'js1')!.source += '// changed';
    expect(
      cellStatus(
        registry,
        nb2.cells.find((c) => c.id === 'js1')!,
        nb2,
      ),
    ).toBe('stale');
  });
});

describe('tables', () => {
  it('parses pasted CSV and TSV with column types', () => {
    const csv = parseDelimited('n,loss,when,label\n1,2.5,2024-01-01,a\n2,,2024-02-01,"b, c"\n');
    expect(csv.columns).toEqual([
      { name: 'n', type: 'number' },
      { name: 'loss', type: 'number' },
      { name: 'when', type: 'date' },
      { name: 'label', type: 'string' },
    ]);
    expect(csv.rows).toEqual([
      [1, 2.5, '2024-01-01', 'a'],
      [2, null, '2024-02-01', 'b, c'],
    ]);
    const tsv = parseDelimited('x\ty\n1\t2\n3\t4');
    expect(tsv.rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(() => parseDelimited('')).toThrow(/nothing to paste/);
  });

  it('reads rows from a table cell by name and from a table output', () => {
    const nb = withOutputs();
    expect(tableOf(nb, 'runs')?.rows[0]).toEqual({
      compute: 1,
      loss: 4.1,
      date: '2024-01-01',
      note: 'small | tiny',
    });
    expect(tableOf(nb, 'scaled')?.columns).toEqual(['compute', 'logLoss']);
  });
});

describe('registry', () => {
  it('validates cell data with the type schema and lets new types register', () => {
    const nb = sampleNotebook();
    for (const c of nb.cells) expect(validateCell(registry, c)).toBeNull();
    expect(validateCell(registry, { ...nb.cells[2]!, data: { columns: [], rows: [] } })).toMatch(
      /runs \(table\): columns/,
    );
    const r = createDefaultRegistry();
    r.register({
      type: 'timeline',
      label: 'Timeline',
      content: 'data',
      defaults: () => ({ data: {} }),
      exporters: { markdown: () => 'timeline', html: () => '<p>timeline</p>', ipynb: () => [] },
    });
    expect(r.get('timeline')?.label).toBe('Timeline');
    expect(() => r.register(r.get('timeline')!)).toThrow(/already registered/);
  });
});
