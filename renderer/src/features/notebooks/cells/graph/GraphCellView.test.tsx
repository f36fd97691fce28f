// @vitest-environment jsdom
// The graph cell view over a fake transport answering with the real graph engine: running a
// generator or the library graph stores the metrics and the drawing as outputs (sigma itself needs
// WebGL, which jsdom lacks: the data flow is tested, not the canvas).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { graphMethods, type LibraryGraph } from '@shared/api/graph-contract';
import type { MapStatus } from '@shared/api/map-contract';
import type { ListResult } from '@shared/api/schemas';
import { libraryGraphPlan } from '@shared/graph/cost';
import { runGraphOp } from '@shared/graph/ops';
import { drawingOf } from '@shared/notebook/cells/graph';
import type { Cell } from '@shared/notebook/model';
import { GraphCellHost, probe } from './graphCell.fixtures';

afterEach(cleanup);

const ctx = { signal: new AbortController().signal, onProgress: () => {} };

function libraryAnswer(): LibraryGraph {
  return {
    directed: false,
    weighted: true,
    nNodes: 4,
    nEdges: 2,
    density: 1 / 3,
    warnings: [],
    louvain: {
      modularity: 0.5,
      nCommunities: 2,
      communities: [
        ['p1', 'p2'],
        ['p3', 'p4'],
      ],
    },
    model: 'quire-glove-100d',
    nodes: [
      { id: 'p1', label: 'Scaling laws', community: 0, degree: 1, pagerank: 0.25 },
      { id: 'p2', label: 'Chinchilla', community: 0, degree: 1, pagerank: 0.25 },
      { id: 'p3', label: 'Graphs', community: 1, degree: 1, pagerank: 0.25 },
      { id: 'p4', label: 'Networks', community: 1, degree: 1, pagerank: 0.25 },
    ],
    edges: [
      { source: 'p1', target: 'p2', weight: 0.9 },
      { source: 'p3', target: 'p4', weight: 0.8 },
    ],
  };
}

/** Resolves the pending `graph:library` call of a test that holds it (to see the running state). */
let releaseLibrary: (() => void) | null = null;

function Host(props: {
  data: unknown;
  extraCells?: Cell[];
  /** Embedded papers the plan sees (default 4, the answer's graph). */
  embedded?: number;
  /** Hold graph:library until its signal aborts or releaseLibrary() is called. */
  hold?: boolean;
}) {
  return (
    <GraphCellHost
      data={props.data}
      {...(props.extraCells ? { extraCells: props.extraCells } : {})}
      handlers={() => ({
        // Parsed as the dispatcher would (defaults filled in), then the real engine.
        'graph:metrics': (input) =>
          runGraphOp('graph:metrics', graphMethods['graph:metrics'].input.parse(input), ctx),
        'graph:libraryPlan': (input) =>
          libraryGraphPlan(
            { embedded: props.embedded ?? 4, dims: 100 },
            graphMethods['graph:libraryPlan'].input.parse(input),
          ),
        'graph:library': (_input, opts) => {
          if (!props.hold) return libraryAnswer();
          opts.onProgress?.({ phase: 'neighbours', done: 10, total: 40 });
          return new Promise<LibraryGraph>((resolve, reject) => {
            releaseLibrary = () => resolve(libraryAnswer());
            opts.signal?.addEventListener('abort', () => reject(new Error('aborted')));
          });
        },
        // Texts for the communities' key terms (only what the labeller reads).
        'library:list': (input) => {
          const ids = (input as { ids?: string[] }).ids ?? [];
          const items = libraryAnswer()
            .nodes.filter((n) => ids.includes(n.id))
            .map((n) => ({ id: n.id, title: n.label, abstract: '' }));
          return { total: items.length, offset: 0, items } as unknown as ListResult;
        },
        // The topic map: p1, p2 in "Scaling", p3 and p4 in "Graphs" (p5 is not in the graph).
        'map:get': () =>
          ({
            state: 'current',
            activeModel: 'quire-glove-100d',
            stale: null,
            notEmbedded: 0,
            map: {
              clusters: [
                { id: 'c1', label: 'Scaling' },
                { id: 'c2', label: 'Graphs' },
              ],
              points: { ids: ['p3', 'p1', 'p2', 'p4', 'p5'], cluster: [1, 0, 0, 1, 0] },
            },
          }) as unknown as MapStatus, // only what the grouping reads
      })}
    />
  );
}

const lastCell = () => probe.cell!;
const lastCalls = () => probe.calls;

describe('GraphCellView', () => {
  it('runs a generator through graph:metrics and stores metrics and drawing as outputs', async () => {
    render(<Host data={{ source: { kind: 'generator', model: 'karate' }, seed: 0 }} />);
    fireEvent.click(screen.getByTestId('graph-run'));
    await waitFor(() => expect(screen.getByTestId('graph-metrics')).toBeTruthy());
    const nodesRow = screen.getByTestId('graph-metrics').querySelector('[data-metric="nodes"]');
    expect(nodesRow?.textContent).toBe('nodes34');
    expect(
      screen.getByTestId('graph-metrics').querySelector('[data-metric="edges"]')?.textContent,
    ).toBe('edges78');
    expect(Number(screen.getByTestId('graph-communities').dataset.count)).toBeGreaterThan(1);
    const d = drawingOf(lastCell())!;
    expect(d.nodes).toHaveLength(34);
    expect(d.edges).toHaveLength(78);
    expect(d.nodes.every((n) => n.community >= 0)).toBe(true);
    expect(lastCell().outputs[0]).toMatchObject({ kind: 'table', columns: ['metric', 'value'] });
    // jsdom has no WebGL: the container is there with a note instead of a canvas.
    expect(screen.getByTestId('graph-view').textContent).toMatch(/WebGL/);
  });

  it('switches the source and asks graph:library with k and threshold', async () => {
    render(<Host data={{ source: { kind: 'generator', model: 'karate' }, seed: 0 }} />);
    fireEvent.change(screen.getByTestId('graph-source'), { target: { value: 'library-knn' } });
    fireEvent.change(screen.getByTestId('graph-k'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('graph-run'));
    await waitFor(() => expect(screen.getByTestId('graph-communities').dataset.count).toBe('2'));
    const call = lastCalls().find((c) => c.method === 'graph:library');
    expect(call?.input).toMatchObject({ k: 5, threshold: 0.3, mode: 'union' });
    const d = drawingOf(lastCell())!;
    expect(d.nodes.map((n) => [n.id, n.label, n.paper, n.community])).toEqual([
      ['p1', 'Scaling laws', true, 0],
      ['p2', 'Chinchilla', true, 0],
      ['p3', 'Graphs', true, 1],
      ['p4', 'Networks', true, 1],
    ]);
    expect(d.edges).toEqual([
      [0, 1, 0.9],
      [2, 3, 0.8],
    ]);
  });

  it("colours the library graph by topic-map cluster, with the map partition's modularity", async () => {
    render(
      <Host
        data={{
          source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' },
          colourBy: 'map-cluster',
        }}
      />,
    );
    expect((screen.getByTestId('graph-colour-by') as HTMLSelectElement).value).toBe('map-cluster');
    fireEvent.click(screen.getByTestId('graph-run'));
    await waitFor(() => expect(screen.getByTestId('graph-metrics')).toBeTruthy());
    expect(lastCalls().some((c) => c.method === 'map:get')).toBe(true);
    const d = drawingOf(lastCell())!;
    expect(d.nodes.map((n) => [n.id, n.community])).toEqual([
      ['p1', 0],
      ['p2', 0],
      ['p3', 1],
      ['p4', 1],
    ]);
    const legend = screen.getByTestId('graph-communities');
    expect(legend.textContent).toMatch(/2 map clusters/);
    expect(legend.querySelector('[data-group="1"]')?.textContent).toBe('Graphs · 2 nodes');
    const row = (name: string) =>
      screen.getByTestId('graph-metrics').querySelector(`[data-metric="${name}"]`)?.textContent;
    expect(row('map clusters')).toBe('map clusters2');
    expect(row('papers in no map cluster')).toBe('papers in no map cluster0');
    // Same partition as Louvain's here: 1 − (1.8/3.4)² − (1.6/3.4)² = 0.4983.
    expect(row('modularity of the map clusters')).toBe('modularity of the map clusters0.4983');
    // Saved with the cell: a reload shows the same groups.
    expect(d.groups?.labels).toEqual(['Scaling', 'Graphs']);
  });

  it('reads an edge list from a table cell', async () => {
    const table: Cell = {
      id: 't1',
      type: 'table',
      name: 'links',
      data: {
        columns: [
          { name: 'from', type: 'string' },
          { name: 'to', type: 'string' },
        ],
        rows: [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['d', 'e'],
        ],
      },
      outputs: [],
      inputsHash: null,
      ranAt: null,
    };
    render(<Host data={{ source: { kind: 'edges', cell: 'links' } }} extraCells={[table]} />);
    expect((screen.getByTestId('graph-sourceColumn') as HTMLSelectElement).value).toBe('from');
    fireEvent.click(screen.getByTestId('graph-run'));
    await waitFor(() => expect(screen.getByTestId('graph-metrics')).toBeTruthy());
    expect(
      screen.getByTestId('graph-metrics').querySelector('[data-metric="components"]')?.textContent,
    ).toBe('components2');
  });

  it('falls back to its defaults when the stored data is invalid', async () => {
    render(<Host data={{ source: { kind: 'generator', model: 'gnp', n: 10, p: 2 } }} />);
    // p = 2 is out of range: the stored data is invalid, so the view falls back to its defaults.
    expect((screen.getByTestId('graph-source') as HTMLSelectElement).value).toBe('library-knn');
  });

  it('warns before a library graph its size makes slow, and the cheaper setting runs a sample', async () => {
    render(
      <Host
        data={{ source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' }, seed: 0 }}
        embedded={20_000}
      />,
    );
    fireEvent.click(screen.getByTestId('graph-run'));
    const warning = await screen.findByTestId('graph-size-warning');
    expect(warning.textContent).toMatch(/20,000 papers with 10 neighbours each .* about \d+ min/);
    expect(lastCalls().some((c) => c.method === 'graph:library')).toBe(false);
    fireEvent.click(screen.getByTestId('graph-run-cheaper'));
    await waitFor(() => expect(screen.getByTestId('graph-metrics')).toBeTruthy());
    const call = lastCalls().find((c) => c.method === 'graph:library');
    const input = call?.input as { k: number; sample: number };
    expect(input.k).toBe(5);
    expect(input.sample).toBeGreaterThanOrEqual(100);
    expect(input.sample).toBeLessThan(20_000);
    // The setting is stored with the outputs, and said beside the form.
    expect(lastCell().data).toMatchObject({ source: { k: 5, sample: input.sample } });
    expect(screen.getByTestId('graph-sample').textContent).toMatch(/seeded sample/);
  });

  it('runs a small library graph at once, shows its progress, and Cancel stops it', async () => {
    render(
      <Host
        data={{ source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' }, seed: 0 }}
        hold
      />,
    );
    fireEvent.click(screen.getByTestId('graph-run'));
    const progress = await screen.findByTestId('graph-progress');
    await waitFor(() => expect(progress.dataset.phase).toBe('neighbours'));
    expect(progress.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe(
      '25',
    );
    expect(screen.queryByTestId('graph-size-warning')).toBeNull();
    fireEvent.click(screen.getByTestId('graph-progress-cancel'));
    await waitFor(() => expect(screen.getByTestId('graph-error').textContent).toBe('Cancelled.'));
    expect(screen.queryByTestId('graph-progress')).toBeNull();
    expect(lastCell().outputs).toEqual([]);
    // Run again; this time the graph answers.
    fireEvent.click(screen.getByTestId('graph-run'));
    await screen.findByTestId('graph-progress');
    releaseLibrary?.();
    await waitFor(() => expect(screen.getByTestId('graph-metrics')).toBeTruthy());
  });
});
