// The graph cell form's fields for its source: kNN settings of the library graph, a generator's
// model and parameters, or an edge-list table and its columns.
import type { ReactElement } from 'react';
import {
  edgeColumns,
  GRAPH_GENERATORS,
  type GraphCellSource,
  type GraphGenerator,
} from '@shared/notebook/cells/graph';
import type { Notebook } from '@shared/notebook/model';
import { tableOf, tableOfCell } from '@shared/notebook/tables';
import { NumberInput } from './NumberInput';

type Source<K extends GraphCellSource['kind']> = Extract<GraphCellSource, { kind: K }>;
type Props<K extends GraphCellSource['kind']> = {
  src: Source<K>;
  onSource(patch: Partial<GraphCellSource>): void;
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

export function LibraryFields({ src, onSource }: Props<'library-knn'>): ReactElement {
  return (
    <>
      <NumberInput
        label="k neighbours"
        testId="graph-k"
        value={src.k}
        min={1}
        max={100}
        onChange={(k) => onSource({ k: Math.max(1, Math.min(100, Math.round(k))) })}
      />
      <NumberInput
        label="min. cosine"
        testId="graph-threshold"
        value={src.threshold}
        step={0.05}
        min={-1}
        max={1}
        onChange={(threshold) => onSource({ threshold: Math.max(-1, Math.min(1, threshold)) })}
      />
      <label>
        <span>Links</span>
        <select
          className="select"
          data-testid="graph-mode"
          value={src.mode}
          onChange={(e) => onSource({ mode: e.target.value as 'union' | 'mutual' })}
        >
          <option value="union">either is a neighbour</option>
          <option value="mutual">mutual neighbours</option>
        </select>
      </label>
    </>
  );
}

export function GeneratorFields({ src, onSource }: Props<'generator'>): ReactElement {
  return (
    <>
      <label>
        <span>Model</span>
        <select
          className="select"
          data-testid="graph-generator"
          value={src.model}
          onChange={(e) => onSource({ model: e.target.value as GraphGenerator })}
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
          onChange={(v) => onSource({ [p]: v })}
        />
      ))}
    </>
  );
}

export function EdgeFields(
  props: Props<'edges'> & { notebook: Notebook; cellId: string },
): ReactElement {
  const { src, onSource, notebook } = props;
  const tables = notebook.cells
    .map((c, i) => ({
      cell: c,
      index: i,
      table: c.id === props.cellId ? undefined : tableOfCell(c),
    }))
    .filter((t) => t.table !== undefined);
  const edgeTable = tableOf(notebook, src.cell);
  const cols = edgeTable ? edgeColumns(edgeTable, src) : null;
  const shown = {
    sourceColumn: cols?.source ?? '',
    targetColumn: cols?.target ?? '',
    weightColumn: '',
  };
  return (
    <>
      <label>
        <span>Table</span>
        <select
          className="select"
          data-testid="graph-edges-cell"
          value={src.cell}
          onChange={(e) => onSource({ cell: e.target.value })}
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
              value={src[k] ?? shown[k]}
              onChange={(e) => onSource({ [k]: e.target.value || undefined })}
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
  );
}
