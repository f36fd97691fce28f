// The last undoable action (a paper or tag deleted, a bulk accept): Mod+Z or the toast's Undo runs it.
import { useCallback, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { Undoable } from '../features/tagging/ReviewQueue';
import type { ShowToast } from './useToast';
import { useLatest } from '../lib/useLatest';

type Undo = { run(): Promise<void> };

export type UndoState = {
  canUndo: boolean;
  /** Runs the last undoable action, once. */
  undo(): Promise<void>;
  /** Makes `run` the action to undo and shows `text` with an Undo button. */
  offer(text: string, run: () => Promise<void>): void;
  /** Offers Undo for an action of another view, e.g. deleting a tag. */
  offerUndoable(u: Undoable): void;
};

export function useUndo(showToast: ShowToast): UndoState {
  const [last, setLast] = useState<Undo | null>(null);

  const undo = useCallback(async () => {
    if (!last) return;
    setLast(null);
    await last.run();
  }, [last]);

  // The toast's Undo outlives the render that made it; always run the latest undo.
  const undoRef = useLatest(undo);

  const offer = useCallback(
    (text: string, run: () => Promise<void>) => {
      setLast({ run });
      showToast({
        text,
        action: { label: 'Undo', run: () => undoRef.current(), testId: 'toast-undo' },
      });
    },
    [undoRef, showToast],
  );

  const offerUndoable = useCallback(
    (u: Undoable) =>
      offer(u.text, async () => {
        try {
          showToast({ text: await u.undo() });
        } catch (err) {
          showToast({ text: `Could not undo: ${errorMessage(err)}`, tone: 'error' });
        }
      }),
    [offer, showToast],
  );

  return { canUndo: last !== null, undo, offer, offerUndoable };
}
