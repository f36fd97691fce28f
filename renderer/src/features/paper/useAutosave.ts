// Debounced autosave: saves after a pause in typing and at once on flush (blur, unmount, and the
// page being hidden or unloaded: reload, close, switching away).
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@shared/api/errors';
import { usePageHide } from '../../lib/usePageHide';
import { useLatest } from '../../lib/useLatest';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Passed to `save`: `unloading` when the page is going away and the request must start now. */
export type SaveOptions = { unloading: boolean };

/**
 * Keeps the latest value and saves it `delayMs` after the last change. Saves run one at a time,
 * so an older value can never overwrite a newer one on the server. When the page is hidden or
 * unloaded the pending value is sent at once, without waiting for a save still in flight: a
 * request that has not started before the page dies is never sent.
 */
export function useAutosave(
  save: (value: string, opts: SaveOptions) => Promise<void>,
  delayMs: number,
): {
  status: SaveStatus;
  error: string | null;
  change(value: string): void;
  flush(): void;
} {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const saveRef = useLatest(save);

  const send = useCallback(
    (unloading: boolean) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const value = latest.current;
      if (value === null) return;
      latest.current = null;
      if (mounted.current) setStatus('saving');
      const started = unloading ? saveRef.current(value, { unloading }) : null;
      // Awaited in the chain below; this only keeps an early failure from being "unhandled".
      started?.catch(() => {});
      chain.current = chain.current.then(async () => {
        try {
          await (started ?? saveRef.current(value, { unloading }));
          if (mounted.current && latest.current === null && timer.current === null) {
            setStatus('saved');
            setError(null);
          }
        } catch (err) {
          if (mounted.current) {
            setStatus('error');
            setError(errorMessage(err));
          }
        }
      });
    },
    [saveRef],
  );

  const flush = useCallback(() => send(false), [send]);

  const change = useCallback(
    (value: string) => {
      latest.current = value;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  // Leaving the paper (or the view) must not drop what was typed in the last half second.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      flush();
    };
  }, [flush]);

  // Nor must a reload, closing the window, or the tab going to the background: React does not
  // unmount on unload, so send what is pending right now when the page goes away.
  usePageHide(useCallback(() => send(true), [send]));

  return { status, error, change, flush };
}
