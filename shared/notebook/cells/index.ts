// The built-in cell types and the default registry (graph: ./graph, computed by its view through
// the API). Unknown types (a newer Quire's cell) are kept untouched and exported as a placeholder.
import { createRegistry, type CellRegistry } from '../registry';
import { fitCell } from './fit';
import { graphCell } from './graph';
import { javascriptCell } from './javascript';
import { markdownCell } from './markdown';
import { paperCell } from './paper';
import { plotCell } from './plot';
import { tableCell } from './table';

export const BUILTIN_CELL_TYPES = [
  markdownCell,
  paperCell,
  tableCell,
  plotCell,
  javascriptCell,
  fitCell,
  graphCell,
];

/** A fresh registry with the built-in types; register extension types on it. */
export function createDefaultRegistry(): CellRegistry {
  return createRegistry(BUILTIN_CELL_TYPES);
}

export { fitCell, graphCell, javascriptCell, markdownCell, paperCell, plotCell, tableCell };
