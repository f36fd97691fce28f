// The paper pane's state: the paper as loaded (per id), its notes box to focus on request, and the
// saves of notes, tags and accepted suggestions, each reported to the views that list the paper.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';
import { useApi } from '../../apiContext';
import { useRequests } from '../../navigation/useRequests';

export type Load =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; paper: Paper };

type Options = { id: string; onChanged(paper: Paper): void; onTagsChanged(): void };

export function usePaperPane({ id, onChanged, onTagsChanged }: Options) {
  const api = useApi();
  // Tagged with the id it belongs to, so switching papers shows "loading" without an extra render.
  const [loaded, setLoaded] = useState<{ id: string; load: Load } | null>(null);
  const load: Load = loaded?.id === id ? loaded.load : { state: 'loading' };
  const setLoad = useCallback((l: Load) => setLoaded({ id, load: l }), [id]);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const wantFocus = useRef(false);

  useEffect(() => {
    let live = true;
    api.call('library:get', { id }).then(
      (paper) => live && setLoad({ state: 'ready', paper }),
      (err: unknown) => live && setLoad({ state: 'error', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, id, setLoad]);

  // Enter on a row asks for the notes before the paper has arrived: focus them once it has.
  useEffect(() => {
    if (loaded?.load.state === 'ready' && wantFocus.current) {
      wantFocus.current = false;
      notesRef.current?.focus();
    }
  }, [loaded]);

  // Enter on a row asks for the notes (see the effect above for a paper still loading).
  useRequests('paper', () => {
    if (notesRef.current) notesRef.current.focus();
    else wantFocus.current = true;
  });

  const saveNotes = useCallback(
    async (notes: string, opts?: { unloading: boolean }) => {
      const paper = await api.call('library:update', { id, notes }, { keepalive: opts?.unloading });
      onChanged(paper);
    },
    [api, id, onChanged],
  );

  const saveTags = useCallback(
    async (tags: string[]) => {
      const paper = await api.call('library:update', { id, tags });
      setLoad({ state: 'ready', paper });
      onChanged(paper);
      onTagsChanged();
    },
    [api, id, onChanged, onTagsChanged, setLoad],
  );

  // Accepting a suggestion adds its tag to the paper: show the paper as it is now.
  const onSuggestionDecided = useCallback(
    (decision: 'accepted' | 'rejected') => {
      if (decision !== 'accepted') {
        onTagsChanged();
        return;
      }
      api.call('library:get', { id }).then(
        (paper) => {
          setLoad({ state: 'ready', paper });
          onChanged(paper);
          onTagsChanged();
        },
        () => onTagsChanged(),
      );
    },
    [api, id, onChanged, onTagsChanged, setLoad],
  );

  return { load, notesRef, saveNotes, saveTags, onSuggestionDecided };
}
