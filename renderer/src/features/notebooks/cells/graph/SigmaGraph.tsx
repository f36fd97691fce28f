// The interactive graph view: sigma.js (WebGL) mounted by ./mountSigma over the graphology graph
// from ./layout. Labels show for the largest nodes where they do not overlap (./sigmaLabels, redone
// when the camera moves) and on hover for the rest; clicking a paper node opens the paper. Without
// WebGL (jsdom in unit tests) it shows a note instead.
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { errorMessage } from '@shared/api/errors';
import type { GraphDrawing } from '@shared/notebook/cells/graph';
import { mountSigma } from './mountSigma';
import { useLatest } from '../../../../lib/useLatest';

export type { GraphViewHandle } from './mountSigma';

export function hasWebGl(): boolean {
  return typeof window !== 'undefined' && typeof window.WebGLRenderingContext !== 'undefined';
}

export function SigmaGraph(props: {
  cellId: string;
  drawing: GraphDrawing;
  sizeBy: 'degree' | 'pagerank';
  onOpenPaper(id: string): void;
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const openRef = useLatest(props.onOpenPaper);
  const [error, setError] = useState<string | null>(null);
  const webgl = hasWebGl();
  const { cellId, drawing, sizeBy } = props;

  useEffect(() => {
    const el = ref.current;
    if (!el || !webgl) return;
    let killed = false;
    let kill = () => {};
    const open = (id: string) => openRef.current(id);
    void mountSigma(el, { cellId, drawing, sizeBy }, open, () => killed)
      .then((unmount) => {
        if (!unmount) return;
        if (killed) unmount();
        else kill = unmount;
      })
      .catch((err: unknown) => setError(errorMessage(err)));
    return () => {
      killed = true;
      kill();
    };
  }, [openRef, drawing, sizeBy, cellId, webgl]);

  return (
    <div className="graph-view" data-testid="graph-view" ref={ref}>
      {!webgl && <p className="graph-note">The interactive view needs WebGL.</p>}
      {error && <p className="graph-note graph-error">{error}</p>}
    </div>
  );
}
