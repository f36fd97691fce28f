// The graph cell's data as the view reads and writes it: GraphCellData (shared/notebook/cells/graph)
// plus the view's own keys `mode` and `experiment`, kept across every update; and the cell's outputs
// sorted into the metrics summary, an experiment table and the warnings note.
import {
  GraphCellDataSchema,
  type GraphCellData,
  type GraphCellSource,
} from '@shared/notebook/cells/graph';
import type { Cell, CellOutput } from '@shared/notebook/model';
import {
  ExperimentSettingsSchema,
  isExperimentTable,
  type ExperimentSettings,
} from './experimentSettings';

export type GraphMode = 'metrics' | 'experiment';
type ViewKeys = { mode: GraphMode; experiment: ExperimentSettings };
export type GraphDataPatch = Partial<GraphCellData> & Partial<ViewKeys>;

export type GraphCellModel = {
  data: GraphCellData;
  src: GraphCellSource;
  mode: GraphMode;
  experiment: ExperimentSettings;
  /** The cell's data with `patch` applied (the view's keys kept). */
  dataWith(patch: GraphDataPatch): Record<string, unknown>;
  update(patch: GraphDataPatch): void;
  updateSource(patch: Partial<GraphCellSource>): void;
};

export const DEFAULT_DATA: GraphCellData = {
  source: { kind: 'library-knn', k: 10, threshold: 0.3, mode: 'union' },
  sizeBy: 'degree',
  colourBy: 'community',
  seed: 0,
};

export function graphCellModel(cell: Cell, onChange: (next: Cell) => void): GraphCellModel {
  const parsed = GraphCellDataSchema.safeParse(cell.data);
  const data: GraphCellData = parsed.success ? parsed.data : DEFAULT_DATA;
  const raw = (cell.data ?? {}) as Record<string, unknown>;
  const mode: GraphMode = raw.mode === 'experiment' ? 'experiment' : 'metrics';
  const experimentParsed = ExperimentSettingsSchema.safeParse(raw.experiment ?? {});
  const experiment = experimentParsed.success
    ? experimentParsed.data
    : ExperimentSettingsSchema.parse({});
  const dataWith = (patch: GraphDataPatch) => ({ mode, experiment, ...data, ...patch });
  const update = (patch: GraphDataPatch) => onChange({ ...cell, data: dataWith(patch) });
  const src = data.source;
  return {
    data,
    src,
    mode,
    experiment,
    dataWith,
    update,
    updateSource: (patch) => update({ source: { ...src, ...patch } as GraphCellSource }),
  };
}

type TableOutput = Extract<CellOutput, { kind: 'table' }>;

/** The cell's first table output is either an experiment's table or the metrics summary. */
export function graphCellOutputs(cell: Cell): {
  summary: TableOutput | undefined;
  experimentTable: TableOutput | undefined;
  warnings: Extract<CellOutput, { kind: 'text' }> | undefined;
} {
  const first = cell.outputs.find((o): o is TableOutput => o.kind === 'table');
  const experimentTable = first && isExperimentTable(first.columns) ? first : undefined;
  const warnings = cell.outputs.find(
    (o): o is Extract<CellOutput, { kind: 'text' }> => o.kind === 'text',
  );
  return { summary: experimentTable ? undefined : first, experimentTable, warnings };
}
