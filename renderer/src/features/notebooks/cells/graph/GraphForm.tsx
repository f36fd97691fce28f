// The graph cell's settings row: the source and its fields, seed, size and colour, Run, and the
// Metrics/Experiment mode.
import type { ReactElement } from 'react';
import type { GraphCellSource } from '@shared/notebook/cells/graph';
import type { Notebook } from '@shared/notebook/model';
import { tableOf } from '@shared/notebook/tables';
import type { GraphCellModel, GraphMode } from './cellModel';
import { NumberInput } from './NumberInput';
import { EdgeFields, GeneratorFields, LibraryFields } from './SourceFields';

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

export function GraphForm(props: {
  model: GraphCellModel;
  notebook: Notebook;
  cellId: string;
  running: boolean;
  onRun(): void;
}): ReactElement {
  const { model, notebook } = props;
  const { data, src, update, updateSource } = model;
  const noEdgeTable = src.kind === 'edges' && !tableOf(notebook, src.cell);
  return (
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
      {src.kind === 'library-knn' && <LibraryFields src={src} onSource={updateSource} />}
      {src.kind === 'generator' && <GeneratorFields src={src} onSource={updateSource} />}
      {src.kind === 'edges' && (
        <EdgeFields src={src} onSource={updateSource} notebook={notebook} cellId={props.cellId} />
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
        disabled={props.running || noEdgeTable}
        onClick={props.onRun}
      >
        {props.running ? 'Computing…' : 'Run'}
      </button>
      <label>
        <span>Mode</span>
        <select
          className="select"
          data-testid="graph-mode-select"
          value={model.mode}
          onChange={(e) => update({ mode: e.target.value as GraphMode })}
        >
          <option value="metrics">Metrics</option>
          <option value="experiment">Experiment</option>
        </select>
      </label>
    </div>
  );
}
