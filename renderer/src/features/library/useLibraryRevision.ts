// Keeps the views live when another process changes the library (a `quire import` while the app is
// open, another window): polls the papers table's revision and reports when it moves.
import { useEffect, useRef } from 'react';
import type { Api } from '@shared/api/client';

/** How often the revision is asked for: changes show within about a second. */
export const REVISION_POLL_MS = 700;

/**
 * Calls `onChange` whenever the library's revision differs from the one last seen. `version` is the
 * app's own refresh counter: when it moves, the app has already refreshed for its own write, so the
 * next revision read becomes the new baseline instead of causing a second refresh. Polls only while
 * `enabled` and the page is visible.
 */
export function useLibraryRevision(
  api: Api,
  enabled: boolean,
  version: number,
  onChange: () => void,
): void {
  const changed = useRef(onChange);
  const rebase = useRef(false);
  useEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    rebase.current = true;
  }, [version]);
  useEffect(() => {
    if (!enabled) return;
    let seen: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') {
        try {
          const { revision } = await api.call(
            'library:revision',
            {},
            { signal: controller.signal },
          );
          if (seen !== null && revision !== seen && !rebase.current) changed.current();
          rebase.current = false;
          seen = revision;
        } catch {
          // A failed poll (server busy, restarting) is retried at the next tick.
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), REVISION_POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, enabled]);
}
