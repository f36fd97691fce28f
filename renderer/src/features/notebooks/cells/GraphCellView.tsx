// Graph cell view. Sources: the library's similarity graph (kNN of paper embeddings, k and a
// cosine threshold), a seeded generator (G(n,p), Barabási–Albert, Watts–Strogatz, SBM, karate
// club), or an edge list in a table cell. How it runs (see shared/notebook/cells/graph.ts): the
// graph cell type has no host `run` — "Run" here calls the API itself (`graph:library`, or
// `graph:metrics` for generators and edge lists, whose edges are rebuilt locally with the same
// seeded engine) and stores the metrics summary and the drawing as the cell's outputs through
// props.onChange, so they are saved with the notebook and drawn again after a reload without
// recomputing. The drawing is sigma.js (./graph/SigmaGraph.tsx): colour = Louvain community (or,
// for the library graph, the topic map's cluster: graph-map-clusters.ts), size = degree or PageRank, labels on hover, a click on a paper node opens the paper.
// "Experiment" mode (./graph/ExperimentPanel.tsx) runs a `graph:experiment` sweep instead and stores
// its table as the cell's table output (for a plot cell to plot).
// Long work is a job: the library graph asks `graph:libraryPlan` first and, when the library's size
// makes it slow, warns with the expected time and a cheaper setting (./graph/SizeWarning.tsx);
// every run shows its progress with Cancel (./JobProgress.tsx), which stops the compute worker.
import { useMemo, useState, type ReactElement } from 'react';
import type { GraphMetrics } from '../../../../../shared/graph/metrics';
import { graphFromSource } from '../../../../../shared/graph/ops';
import {
  DEFAULT_GRAPH_METRICS,
  drawingOf,
  edgeColumns,
  edgesFromTable,
  generatorGraphSource,
  GRAPH_GENERATORS,
  GraphCellDataSchema,
  graphDrawing,
  graphOutputs,
  type GraphCellData,
  type GraphCellSource,
  type GraphGenerator,
} from '../../../../../shared/notebook/cells/graph';
import {
  communityLegend,
  communityTerms,
  labelSampleIds,
  titleTexts,
} from '../../../../../shared/notebook/cells/graph-communities';
import {
  groupByMapCluster,
  mapAssignmentOf,
} from '../../../../../shared/notebook/cells/graph-map-clusters';
import { tableOf, tableOfCell } from '../../../../../shared/notebook/tables';
import type { GraphSource, LibraryGraphPlan } from '../../../../../shared/api/graph-contract';
import {
  ExperimentPanel,
  ExperimentSettingsSchema,
  isExperimentTable,
} from './graph/ExperimentPanel';
import { communityColor } from './graph/layout';
import { SigmaGraph } from './graph/SigmaGraph';
import { SizeWarning } from './graph/SizeWarning';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';
import type { CellViewProps } from './types';
import type { Progress } from '../../../../../shared/api/contract';
import './graph/graph.css';

const DEFAULT_DATA: GraphCellData = {
  source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' },
  sizeBy: 'degree',
  colourBy: 'community',
  seed: 0,
};

const SOURCE_DEFAULTS: Record<GraphCellSource['kind'], GraphCellSource> = {
  'library-knn': { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' },
  generator: {
    kind: 'generator',
    model: 'sbm',
    n: 120,
    p: 0.05,
    m: 2,
    k: 4,
    blocks: 3,
    pIn: 0.25,
    pOut: 0.01,
  },
  edges: { kind: 'edges', cell: '' },
};

const GENERATOR_LABELS: Record<GraphGenerator, string> = {
  gnp: 'Erdős–Rényi G(n, p)',
  'barabasi-albert': 'Barabási–Albert',
  'watts-strogatz': 'Watts–Strogatz',
  sbm: 'Stochastic block model',
  karate: "Zachary's karate club",
};

/** Which numeric parameters each generator uses. */
const GENERATOR_PARAMS: Record<
  GraphGenerator,
  ('n' | 'p' | 'm' | 'k' | 'blocks' | 'pIn' | 'pOut')[]
> = {
  gnp: ['n', 'p'],
  'barabasi-albert': ['n', 'm'],
  'watts-strogatz': ['n', 'k', 'p'],
  sbm: ['n', 'blocks', 'pIn', 'pOut'],
  karate: [],
};

function NumberInput(props: {
  label: string;
  value: number;
  testId: string;
  step?: number;
  min?: number;
  max?: number;
  onChange(v: number): void;
}): ReactElement {
  return (
    <label>
      <span>{props.label}</span>
      <input
        type="number"
        className="graph-number"
        data-testid={props.testId}
        value={props.value}
        step={props.step ?? 1}
        min={props.min}
        max={props.max}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v)) props.onChange(v);
        }}
      />
    </label>
  );
}

const fmtValue = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
};

type LibrarySource = Extract<GraphCellSource, { kind: 'library-knn' }>;

/** The library source over all papers. */
function withoutSample(src: LibrarySource): LibrarySource {
  const out = { ...src };
  delete out.sample;
  return out;
}

export function GraphCellView(props: CellViewProps): ReactElement {
  const { cell, notebook, api } = props;
  const parsed = GraphCellDataSchema.safeParse(cell.data);
  const data: GraphCellData = parsed.success ? parsed.data : DEFAULT_DATA;
  const src = data.source;
  const job = useJob();
  const running = job.running;
  const [error, setError] = useState<string | null>(null);
  /** A slow library graph's plan, shown as a warning until the user picks a setting. */
  const [plan, setPlan] = useState<LibraryGraphPlan | null>(null);
  /** The estimate of the run under way, shown beside its progress. */
  const [estimate, setEstimate] = useState<number | undefined>(undefined);

  // `mode` and `experiment` are the view's own keys of the cell data (kept across updates).
  const raw = (cell.data ?? {}) as Record<string, unknown>;
  const mode = raw.mode === 'experiment' ? 'experiment' : 'metrics';
  const experimentParsed = ExperimentSettingsSchema.safeParse(raw.experiment ?? {});
  const experiment = experimentParsed.success
    ? experimentParsed.data
    : ExperimentSettingsSchema.parse({});
  const extras = { mode, experiment };
  const update = (patch: Partial<GraphCellData>) =>
    props.onChange({ ...cell, data: { ...extras, ...data, ...patch } });
  const updateSource = (patch: Partial<GraphCellSource>) =>
    update({ source: { ...src, ...patch } as GraphCellSource });

  const tables = notebook.cells
    .map((c, i) => ({ cell: c, index: i, table: c.id === cell.id ? undefined : tableOfCell(c) }))
    .filter((t) => t.table !== undefined);
  const edgeTable = src.kind === 'edges' ? tableOf(notebook, src.cell) : undefined;
  const edgeCols = src.kind === 'edges' && edgeTable ? edgeColumns(edgeTable, src) : null;

  const drawing = useMemo(() => drawingOf(cell), [cell]);
  const firstTable = cell.outputs.find((o) => o.kind === 'table');
  const experimentTable =
    firstTable && firstTable.kind === 'table' && isExperimentTable(firstTable.columns)
      ? firstTable
      : undefined;
  const summary = experimentTable ? undefined : firstTable;
  const warnings = cell.outputs.find((o) => o.kind === 'text');
  // Library drawings saved before key terms were stored are named from their titles.
  const communities = useMemo(() => {
    if (!drawing) return [];
    const terms =
      drawing.communityTerms ??
      (drawing.nodes.some((n) => n.paper) ? communityTerms(drawing, titleTexts(drawing)) : []);
    return communityLegend(drawing, terms);
  }, [drawing]);

  /** The current graph source as a contract `GraphSource` (robustness sweeps). */
  const currentGraphSource = async (signal: AbortSignal): Promise<GraphSource> => {
    if (src.kind === 'generator') return generatorGraphSource(src, data.seed);
    if (src.kind === 'edges') {
      const t = tableOf(notebook, src.cell);
      if (!t) throw new Error(`No table "${src.cell}" (run the cell that makes it?)`);
      const edges = edgesFromTable(t, src);
      if (edges.length === 0) throw new Error('The table has no edges.');
      return { kind: 'edges', edges, directed: false, allowSelfLoops: false };
    }
    const lg = await api.call(
      'graph:library',
      {
        k: src.k,
        threshold: src.threshold,
        mode: src.mode,
        metrics: ['counts'],
        seed: data.seed,
        ...(src.sample ? { sample: src.sample } : {}),
      },
      { signal },
    );
    return {
      kind: 'edges',
      edges: lg.edges,
      nodes: lg.nodes.map((n) => n.id),
      directed: false,
      allowSelfLoops: false,
    };
  };

  /** Title + abstract of each paper (pages of the list call's maximum size). */
  const paperTexts = async (ids: readonly string[]): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const page = await api.call('library:list', { ids: ids.slice(i, i + 1000), limit: 1000 });
      for (const p of page.items) out.set(p.id, `${p.title}. ${p.abstract}`);
    }
    return out;
  };

  /** Run clicked: a library graph asks for its plan first and warns when it is slow. */
  const start = async () => {
    setError(null);
    setPlan(null);
    if (src.kind !== 'library-knn') return void compute();
    const metrics = [...(data.metrics ?? DEFAULT_GRAPH_METRICS)];
    try {
      const p = await api.call('graph:libraryPlan', {
        k: src.k,
        threshold: src.threshold,
        mode: src.mode,
        metrics,
        seed: data.seed,
        ...(src.sample ? { sample: src.sample } : {}),
      });
      if (p.slow) setPlan(p);
      else void compute(undefined, p.seconds);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  /** The cheaper setting: stored in the cell (so the outputs say what they show), then run. */
  const runCheaper = (setting: { k: number; sample: number | null }, seconds: number) => {
    if (src.kind !== 'library-knn') return;
    const next = { ...withoutSample(src), k: setting.k };
    if (setting.sample !== null) next.sample = setting.sample;
    update({ source: next });
    void compute(next, seconds);
  };

  const compute = async (override?: GraphCellSource, estimateSeconds?: number) => {
    const source = override ?? src;
    setError(null);
    setPlan(null);
    setEstimate(estimateSeconds);
    const outcome = await job
      .run((signal, onProgress) => computeWith(source, signal, onProgress))
      .catch((err: Error) => {
        setError(err.message);
        return null;
      });
    if (outcome?.cancelled) setError('Cancelled.');
  };

  const computeWith = async (
    src: GraphCellSource,
    signal: AbortSignal,
    onProgress: (p: Progress) => void,
  ) => {
    const metrics = [...(data.metrics ?? DEFAULT_GRAPH_METRICS)];
    let result: { metrics: GraphMetrics; drawing: ReturnType<typeof graphDrawing> };
    let extraRows: [string, number | null][] = [];
    if (src.kind === 'library-knn') {
      const lg = await api.call(
        'graph:library',
        {
          k: src.k,
          threshold: src.threshold,
          mode: src.mode,
          metrics,
          seed: data.seed,
          ...(src.sample ? { sample: src.sample } : {}),
        },
        { signal, onProgress },
      );
      const { nodes, edges, ...m } = lg;
      const drawn = graphDrawing(
        nodes.map((n) => ({ id: n.id, label: n.label, paper: true })),
        edges,
        m,
      );
      if (data.colourBy === 'map-cluster') {
        const grouped = groupByMapCluster(drawn, mapAssignmentOf(await api.call('map:get', {})));
        extraRows = grouped.rows;
        result = { metrics: m, drawing: grouped.drawing };
      } else {
        const texts = await paperTexts(labelSampleIds(drawn));
        result = {
          metrics: m,
          drawing: { ...drawn, communityTerms: communityTerms(drawn, texts) },
        };
      }
    } else if (src.kind === 'generator') {
      const gs = generatorGraphSource(src, data.seed);
      const m = await api.call(
        'graph:metrics',
        { graph: gs, metrics, seed: data.seed },
        { signal, onProgress },
      );
      const g = graphFromSource(gs);
      const edges: { source: string; target: string }[] = [];
      g.forEachEdge((_e, _a, s, t) => edges.push({ source: s, target: t }));
      result = {
        metrics: m,
        drawing: graphDrawing(
          g.mapNodes((id) => ({ id })),
          edges,
          m,
        ),
      };
    } else {
      const t = tableOf(notebook, src.cell);
      if (!t) throw new Error(`No table "${src.cell}" (run the cell that makes it?)`);
      const edges = edgesFromTable(t, src);
      if (edges.length === 0) throw new Error('The table has no edges.');
      const weighted = edges.some((e) => e.weight !== undefined);
      const m = await api.call(
        'graph:metrics',
        { graph: { kind: 'edges', edges }, metrics, weighted, seed: data.seed },
        { signal, onProgress },
      );
      const ids = new Map<string, { id: string; paper?: boolean }>();
      for (const e of edges)
        for (const id of [e.source, e.target]) if (!ids.has(id)) ids.set(id, { id });
      result = { metrics: m, drawing: graphDrawing([...ids.values()], edges, m) };
    }
    const outputs = graphOutputs(result.metrics, result.drawing);
    const summaryOut = outputs[0];
    if (summaryOut?.kind === 'table') summaryOut.rows.push(...extraRows);
    if (signal.aborted) return;
    props.onChange({
      ...cell,
      ...(src === data.source ? {} : { data: { ...extras, ...data, source: src } }),
      outputs,
      ranAt: new Date().toISOString(),
    });
  };

  return (
    <div className="graph-cell" data-testid="graph-cell" data-cell-id={cell.id}>
      <div className="graph-form">
        <label>
          <span>Graph</span>
          <select
            className="select"
            data-testid="graph-source"
            value={src.kind}
            onChange={(e) =>
              update({ source: SOURCE_DEFAULTS[e.target.value as GraphCellSource['kind']] })
            }
          >
            <option value="library-knn">Library similarity (kNN)</option>
            <option value="generator">Generator</option>
            <option value="edges">Edge list from a table</option>
          </select>
        </label>
        {src.kind === 'library-knn' && (
          <>
            <NumberInput
              label="k neighbours"
              testId="graph-k"
              value={src.k}
              min={1}
              max={100}
              onChange={(k) => updateSource({ k: Math.max(1, Math.min(100, Math.round(k))) })}
            />
            <NumberInput
              label="min. cosine"
              testId="graph-threshold"
              value={src.threshold}
              step={0.05}
              min={-1}
              max={1}
              onChange={(threshold) =>
                updateSource({ threshold: Math.max(-1, Math.min(1, threshold)) })
              }
            />
            <label>
              <span>Links</span>
              <select
                className="select"
                data-testid="graph-mode"
                value={src.mode}
                onChange={(e) => updateSource({ mode: e.target.value as 'union' | 'mutual' })}
              >
                <option value="union">either is a neighbour</option>
                <option value="mutual">mutual neighbours</option>
              </select>
            </label>
          </>
        )}
        {src.kind === 'generator' && (
          <>
            <label>
              <span>Model</span>
              <select
                className="select"
                data-testid="graph-generator"
                value={src.model}
                onChange={(e) => updateSource({ model: e.target.value as GraphGenerator })}
              >
                {GRAPH_GENERATORS.map((g) => (
                  <option key={g} value={g}>
                    {GENERATOR_LABELS[g]}
                  </option>
                ))}
              </select>
            </label>
            {GENERATOR_PARAMS[src.model].map((p) => (
              <NumberInput
                key={p}
                label={p}
                testId={`graph-param-${p}`}
                value={src[p]}
                step={p === 'p' || p === 'pIn' || p === 'pOut' ? 0.01 : 1}
                min={0}
                onChange={(v) => updateSource({ [p]: v })}
              />
            ))}
          </>
        )}
        {src.kind === 'edges' && (
          <>
            <label>
              <span>Table</span>
              <select
                className="select"
                data-testid="graph-edges-cell"
                value={src.cell}
                onChange={(e) => updateSource({ cell: e.target.value })}
              >
                <option value="" disabled>
                  {tables.length ? 'Choose a table…' : 'No table in this notebook'}
                </option>
                {tables.map((t) => (
                  <option key={t.cell.id} value={t.cell.name ?? t.cell.id}>
                    {t.cell.name ?? `${t.cell.type} cell ${t.index + 1}`}
                  </option>
                ))}
              </select>
            </label>
            {edgeTable &&
              (['sourceColumn', 'targetColumn', 'weightColumn'] as const).map((k) => (
                <label key={k}>
                  <span>{k.replace('Column', '')}</span>
                  <select
                    className="select"
                    data-testid={`graph-${k}`}
                    value={
                      src[k] ??
                      (k === 'sourceColumn'
                        ? (edgeCols?.source ?? '')
                        : k === 'targetColumn'
                          ? (edgeCols?.target ?? '')
                          : '')
                    }
                    onChange={(e) => updateSource({ [k]: e.target.value || undefined })}
                  >
                    {k === 'weightColumn' && <option value="">none</option>}
                    {edgeTable.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
          </>
        )}
        <NumberInput
          label="seed"
          testId="graph-seed"
          value={data.seed}
          min={0}
          onChange={(seed) => update({ seed: Math.max(0, Math.round(seed)) })}
        />
        <label>
          <span>Size by</span>
          <select
            className="select"
            data-testid="graph-size-by"
            value={data.sizeBy}
            onChange={(e) => update({ sizeBy: e.target.value as 'degree' | 'pagerank' })}
          >
            <option value="degree">degree</option>
            <option value="pagerank">PageRank</option>
          </select>
        </label>
        {src.kind === 'library-knn' && (
          <label>
            <span>Colour by</span>
            <select
              className="select"
              data-testid="graph-colour-by"
              value={data.colourBy}
              onChange={(e) => update({ colourBy: e.target.value as 'community' | 'map-cluster' })}
            >
              <option value="community">Louvain community</option>
              <option value="map-cluster">Topic-map cluster</option>
            </select>
          </label>
        )}
        <button
          type="button"
          className="button primary"
          data-testid="graph-run"
          disabled={running || (src.kind === 'edges' && !edgeTable)}
          onClick={() => void start()}
        >
          {running ? 'Computing…' : 'Run'}
        </button>
        <label>
          <span>Mode</span>
          <select
            className="select"
            data-testid="graph-mode-select"
            value={mode}
            onChange={(e) =>
              props.onChange({
                ...cell,
                data: { ...extras, ...data, mode: e.target.value as 'metrics' | 'experiment' },
              })
            }
          >
            <option value="metrics">Metrics</option>
            <option value="experiment">Experiment</option>
          </select>
        </label>
      </div>
      {src.kind === 'library-knn' && src.sample !== undefined && (
        <p className="graph-sample" data-testid="graph-sample">
          A seeded sample of {src.sample.toLocaleString('en')} papers.{' '}
          <button
            type="button"
            className="button"
            onClick={() => update({ source: withoutSample(src) })}
          >
            Use all papers
          </button>
        </p>
      )}
      {plan && src.kind === 'library-knn' && (
        <SizeWarning
          plan={plan}
          k={src.k}
          onRunAnyway={() => void compute(undefined, plan.seconds)}
          onCheaper={(setting) => runCheaper(setting, plan.cheaper?.seconds ?? plan.seconds)}
          onDismiss={() => setPlan(null)}
        />
      )}
      {running && (
        <JobProgress
          progress={job.progress}
          onCancel={job.cancel}
          testId="graph-progress"
          {...(estimate !== undefined ? { estimateSeconds: estimate } : {})}
        />
      )}
      {mode === 'experiment' && (
        <ExperimentPanel
          api={api}
          settings={experiment}
          seed={data.seed}
          graphSource={currentGraphSource}
          onSettings={(e) =>
            props.onChange({ ...cell, data: { ...extras, ...data, experiment: e } })
          }
          onTable={(outputs) =>
            props.onChange({ ...cell, outputs, ranAt: new Date().toISOString() })
          }
          table={experimentTable}
        />
      )}
      {error && (
        <p className="graph-error" role="alert" data-testid="graph-error">
          {error}
        </p>
      )}
      {summary && summary.kind === 'table' && (
        <div className="graph-results">
          <table className="graph-metrics" data-testid="graph-metrics">
            <tbody>
              {summary.rows.map((r) => (
                <tr key={String(r[0])} data-metric={String(r[0])}>
                  <th scope="row">{String(r[0])}</th>
                  <td>{fmtValue(r[1])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div
            className="graph-communities"
            data-testid="graph-communities"
            data-count={communities.length}
          >
            <div className="graph-communities-title">
              {communities.length}{' '}
              {drawing?.groups
                ? communities.length === 1
                  ? 'map cluster'
                  : 'map clusters'
                : communities.length === 1
                  ? 'community'
                  : 'communities'}
            </div>
            <ul>
              {communities.slice(0, 24).map((c) => (
                <li
                  key={c.group}
                  data-group={c.group}
                  data-named={c.named}
                  data-testid="graph-community"
                >
                  <span className="graph-swatch" style={{ background: communityColor(c.group) }} />
                  <span className="graph-community-name" title={c.name}>
                    {c.name}
                  </span>
                  <span className="graph-community-size">
                    {' · '}
                    {c.size} {c.size === 1 ? 'node' : 'nodes'}
                  </span>
                </li>
              ))}
              {communities.length > 24 && <li>… {communities.length - 24} more</li>}
            </ul>
          </div>
        </div>
      )}
      {warnings && warnings.kind === 'text' && <p className="graph-note">{warnings.text}</p>}
      {drawing && (
        <SigmaGraph
          cellId={cell.id}
          drawing={drawing}
          sizeBy={data.sizeBy}
          onOpenPaper={props.openPaper}
        />
      )}
    </div>
  );
}
