// The props every notebook cell view gets: the contract between the notebook editor and the cell
// views (fit and graph cells plug in by implementing this, without touching the editor core).
import type { Progress } from '@shared/api/contract';
import type { Cell, CellStatus, Notebook } from '@shared/notebook/model';

export type CellViewProps = {
  /** The whole notebook as last saved or edited (other cells' tables and outputs are readable). */
  notebook: Notebook;
  cell: Cell;
  status: CellStatus;
  /** Replaces this cell (content, data, name); the editor records undo and autosaves. */
  onChange(next: Cell): void;
  /** Runs this cell (notebooks:runCell) after saving; resolves when the run has finished. */
  onRun(): Promise<void>;
  /** Opens a library paper in the Library view. */
  openPaper(id: string): void;
  /**
   * Present while the notebook's run is computing this cell: the cell's own progress (a fit's
   * bootstrap refits; null until it reports any) and Cancel, which stops the run.
   */
  job?: { progress: Progress | null; cancel(): void };
};
