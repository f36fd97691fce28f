// A cell whose type this version does not know (a newer Quire's, an extension not loaded): shown
// read-only and kept untouched in the file.
import type { CellViewProps } from './types';

export function UnknownCellView({ cell }: CellViewProps) {
  return (
    <div className="nb-unknown" data-testid="cell-unsupported">
      <p className="muted small">
        The cell type “{cell.type}” is not supported by this version of Quire. It is kept as it is.
      </p>
      <pre className="nb-out nb-out-json">{JSON.stringify(cell, null, 2)}</pre>
    </div>
  );
}
