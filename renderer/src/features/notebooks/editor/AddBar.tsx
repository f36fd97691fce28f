// Adding a cell: the row of cell types at the end of a notebook, and the small "+" between two
// cells that opens the same row there.
import type { CellTypeInfo } from '@shared/api/notebook-contract';

type Props = {
  index: number;
  /** The bar after the last cell: always open, with its own test ids. */
  end: boolean;
  cellTypes: CellTypeInfo[];
  open: boolean;
  setOpen(index: number | null): void;
  addCell(type: string, index: number): void;
};

export function AddBar({ index, end, cellTypes, open, setOpen, addCell }: Props) {
  return (
    <div className={`nb-add ${end ? 'nb-add-end' : ''}`}>
      {end || open ? (
        <div className="nb-add-menu" role="group" aria-label="Add a cell">
          {end && <span className="muted small">Add</span>}
          {cellTypes.map((t) => (
            <button
              key={t.type}
              type="button"
              className="button small"
              data-testid={end ? `cell-add-${t.type}` : `cell-insert-${t.type}`}
              onClick={() => addCell(t.type, index)}
            >
              + {t.label}
            </button>
          ))}
          {!end && (
            <button type="button" className="link-button small" onClick={() => setOpen(null)}>
              Cancel
            </button>
          )}
        </div>
      ) : (
        <button
          type="button"
          className="nb-add-between"
          aria-label="Insert a cell here"
          title="Insert a cell here"
          onClick={() => setOpen(index)}
        >
          +
        </button>
      )}
    </div>
  );
}
