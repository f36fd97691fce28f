// A paper's highlights for the paper pane: loaded with the paper, re-read after each change and
// whenever the library changes elsewhere (`version`), with add, update and remove-with-undo.
import { errorMessage } from '@shared/api/errors';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '@shared/api/client';
import type { Annotation } from '@shared/annotations/types';
import type { Capture } from './capture';

export type PaperAnnotations = {
  items: Annotation[];
  error: string | null;
  add(c: Capture, kind: string, comment?: string): Promise<Annotation | null>;
  update(id: string, change: { kind?: string; comment?: string }): Promise<boolean>;
  remove(id: string): Promise<string | null>;
  undo(token: string): Promise<void>;
};

/** `load` false: no list call (a search result not yet looked at); add and the rest still work. */
export function usePaperAnnotations(
  api: Api,
  paperId: string,
  version = 0,
  load = true,
): PaperAnnotations {
  const [state, setState] = useState<{ paperId: string; items: Annotation[] }>({
    paperId,
    items: [],
  });
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!load) return;
    let live = true;
    api.call('annotations:list', { paperId }).then(
      (page) => {
        if (!live) return;
        setState({ paperId, items: page.items });
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, paperId, version, tick, load]);

  const guard = useCallback(
    async <T>(run: () => Promise<T>): Promise<T | null> => {
      try {
        const out = await run();
        setError(null);
        return out;
      } catch (e) {
        setError(errorMessage(e));
        return null;
      } finally {
        reload();
      }
    },
    [reload],
  );

  return {
    items: state.paperId === paperId ? state.items : [],
    error,
    add: (c, kind, comment = '') =>
      guard(() =>
        api.call('annotations:add', {
          paperId,
          field: c.field,
          start: c.start,
          end: c.end,
          kind,
          comment,
        }),
      ),
    update: async (id, change) =>
      (await guard(() => api.call('annotations:update', { id, ...change }))) !== null,
    remove: async (id) =>
      (await guard(() => api.call('annotations:remove', { ids: [id] })))?.undoToken ?? null,
    undo: async (token) => {
      await guard(() => api.call('annotations:undoRemove', { undoToken: token }));
    },
  };
}
