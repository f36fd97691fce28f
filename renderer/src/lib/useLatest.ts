// A ref that always holds the latest value, for handlers that outlive the render that made them
// (key listeners, timers, toasts). It is written in a layout effect, in the same commit as the
// DOM: with a passive effect, an event arriving between the commit and the effect (a fast key on
// a loaded machine) read the value from before.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
