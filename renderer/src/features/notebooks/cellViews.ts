// Cell type → view. Types this version does not know fall back to a read-only view that keeps
// the cell as it is; fit and graph views come from their own features.
import type { ComponentType } from 'react';
import { FitCellView } from './cells/fit/FitCellView';
import { GraphCellView } from './cells/graph/GraphCellView';
import { JavaScriptCellView } from './cells/JavaScriptCellView';
import { MarkdownCellView } from './cells/MarkdownCellView';
import { PaperCellView } from './cells/PaperCellView';
import { PlotCellView } from './cells/PlotCellView';
import { TableCellView } from './cells/TableCellView';
import type { CellViewProps } from './cells/types';
import { UnknownCellView } from './cells/UnknownCellView';
import './cells/cells.css';

export const CELL_VIEWS: Readonly<Record<string, ComponentType<CellViewProps>>> = {
  markdown: MarkdownCellView,
  paper: PaperCellView,
  table: TableCellView,
  plot: PlotCellView,
  javascript: JavaScriptCellView,
  fit: FitCellView,
  graph: GraphCellView,
};

/** Views that draw their cell's outputs themselves (results tables, plots, graph drawings). */
const OWN_OUTPUTS = new Set(['fit', 'graph']);

/** Whether the editor should leave the outputs to the view (it still shows errors). */
export function rendersOwnOutputs(type: string): boolean {
  return OWN_OUTPUTS.has(type);
}

export function cellViewFor(type: string): ComponentType<CellViewProps> {
  return Object.hasOwn(CELL_VIEWS, type) ? (CELL_VIEWS[type] ?? UnknownCellView) : UnknownCellView;
}

export { UnknownCellView };
