// The built-in cell types and the default registry. `graph` is not built in: the graph feature
// registers its own type (see FORMAT.md, "Adding a cell type"); until then graph cells in a file
// are kept untouched and exported as a placeholder.
import { createRegistry, type CellRegistry } from '../registry';
import { fitCell } from './fit';
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
];

/** A fresh registry with the built-in types; register extension types on it. */
export function createDefaultRegistry(): CellRegistry {
  return createRegistry(BUILTIN_CELL_TYPES);
}

export { fitCell, javascriptCell, markdownCell, paperCell, plotCell, tableCell };
