// "Fit": saves the spec if the form changed it, runs the cell through the editor, and keeps the
// running flag and the run's error for the view.
import { useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { FitCellData } from '@shared/notebook/cells/fit';
import type { Cell } from '@shared/notebook/model';
import { withoutUndefined } from './spec';

export function useFitRun(
  cell: Cell,
  data: FitCellData,
  onChange: (next: Cell) => void,
  onRun: () => Promise<void>,
) {
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const runFit = async () => {
    setRunError(null);
    setRunning(true);
    try {
      const next = withoutUndefined(data);
      if (JSON.stringify(next) !== JSON.stringify(cell.data)) onChange({ ...cell, data: next });
      await onRun();
    } catch (err) {
      setRunError(errorMessage(err));
    } finally {
      setRunning(false);
    }
  };
  return { running, runError, runFit };
}
