// The papers open in the Library and Search panes, "more like this", and deleting a paper (with Undo).
import { useCallback, useState } from 'react';
import type { Api } from '@shared/api/client';
import { errorMessage } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import type { SimilarTo } from '../features/search/SearchView';
import type { RequestBus } from '../navigation/requests';
import type { View } from '../views';
import type { ShowToast } from './useToast';
import type { UndoState } from './useUndo';

type Deps = {
  api: Api;
  bus: RequestBus;
  go(view: View): void;
  bump(): void;
  showToast: ShowToast;
  offerUndo: UndoState['offer'];
};

const papers = (n: number) => `${n} ${n === 1 ? 'paper' : 'papers'}`;

export function useOpenPapers({ api, bus, go, bump, showToast, offerUndo }: Deps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [searchPaperId, setSearchPaperId] = useState<string | null>(null);
  const [similarTo, setSimilarTo] = useState<SimilarTo | null>(null);

  const restorePapers = useCallback(
    async (token: string, ids: string[]) => {
      try {
        const res = await api.call('library:undoDelete', { undoToken: token });
        bump();
        setSelectedId(ids[0] ?? null);
        showToast({ text: `Restored ${papers(res.restored)}` });
      } catch (err) {
        showToast({ text: `Could not undo: ${errorMessage(err)}`, tone: 'error' });
      }
    },
    [api, bump, showToast],
  );

  const deletePaper = useCallback(
    async (id: string) => {
      try {
        const res = await api.call('library:delete', { ids: [id] });
        // The library selects the deleted paper's neighbour, if it was the selected one.
        bus.send('library', { kind: 'deleted', id });
        setSearchPaperId((sel) => (sel === id ? null : sel));
        setSimilarTo((s) => (s?.id === id ? null : s));
        bump();
        offerUndo(`Deleted ${papers(res.deleted)}`, () => restorePapers(res.undoToken, [id]));
      } catch (err) {
        showToast({ text: `Could not delete: ${errorMessage(err)}`, tone: 'error' });
      }
    },
    [api, bus, bump, showToast, offerUndo, restorePapers],
  );

  /** Enter on a row: open the paper and put the cursor in its notes. */
  const openPaper = useCallback(
    (id: string) => {
      setSelectedId(id);
      bus.send('paper', { kind: 'focusNotes' });
    },
    [bus],
  );

  /** A paper named in another view (a notebook, the tag queue): show it in Library. */
  const showInLibrary = useCallback(
    (id: string) => {
      setSelectedId(id);
      go('library');
    },
    [go],
  );

  const moreLikeThis = useCallback(
    (paper: Pick<Paper, 'id' | 'title'>) => {
      setSimilarTo({ id: paper.id, title: paper.title });
      setSearchPaperId(paper.id);
      go('search');
    },
    [go],
  );

  return {
    selectedId,
    setSelectedId,
    searchPaperId,
    setSearchPaperId,
    similarTo,
    exitSimilar: useCallback(() => setSimilarTo(null), []),
    deletePaper,
    openPaper,
    showInLibrary,
    moreLikeThis,
  };
}
