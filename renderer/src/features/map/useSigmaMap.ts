// Keeps a sigma scatter mounted in a container for the current map and colouring, restyles it in
// place for a new search, and exposes what the HTML overlays draw (hover, labels, gesture state).
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TopicMap } from '@shared/api/map-contract';
import { errorMessage } from '@shared/api/errors';
import { highlightReducer, mountSigma, type ClusterLabel, type SigmaLike } from './sigmaMount';
import { useLatest } from '../../lib/useLatest';

type Options = {
  map: TopicMap;
  dark: boolean;
  colours: number[];
  highlight: ReadonlySet<string> | null;
  onOpen(id: string): void;
};

export function useSigmaMap(ref: RefObject<HTMLDivElement | null>, o: Options) {
  const { map, dark, colours, highlight } = o;
  const highlightRef = useRef(highlight);
  const sigmaRef = useRef<SigmaLike | null>(null);
  const openRef = useLatest(o.onOpen);
  const [hover, setHover] = useState<{ title: string; x: number; y: number } | null>(null);
  const [labels, setLabels] = useState<ClusterLabel[]>([]);
  const [error, setError] = useState<string | null>(null);
  // A gesture in progress: the HTML overlays (labels, tooltip) would not follow the moved snapshot.
  const [moving, setMoving] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof window.WebGLRenderingContext === 'undefined') return;
    let killed = false;
    let kill = () => {};
    void Promise.all([import('sigma'), import('sigma/rendering')])
      .then((modules) => {
        if (killed) return;
        const mounted = mountSigma(modules, el, {
          map,
          dark,
          colours,
          highlighted: () => highlightRef.current,
          onHover: setHover,
          onLabels: setLabels,
          onMoving: setMoving,
          onClick: (id) => openRef.current(id),
        });
        sigmaRef.current = mounted.sigma;
        kill = () => {
          mounted.kill();
          sigmaRef.current = null;
        };
      })
      .catch((err: unknown) => setError(errorMessage(err)));
    return () => {
      killed = true;
      kill();
    };
  }, [openRef, ref, map, dark, colours]);

  // A new search: restyle the nodes in place.
  useEffect(() => {
    highlightRef.current = highlight;
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.setSetting('nodeReducer', highlight ? highlightReducer(highlight, dark) : null);
    sigma.refresh();
  }, [highlight, dark]);

  return { sigmaRef, hover, labels, error, moving };
}
