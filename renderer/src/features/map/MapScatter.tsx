// The map's scatter: sigma.js (WebGL) with nodes only — one node per paper, coloured by cluster —
// plus HTML overlays sigma does not draw: the hovered title, cluster labels at their centres, and a
// lasso drawn with the pointer. Search hits are drawn larger and the rest dimmed (a node reducer, so
// the graph is not rebuilt per query); zoomed out, only the largest clusters are labelled. For
// end-to-end tests it registers `window.__quireMap` (see sigmaMount.ts).
import { useRef } from 'react';
import type { TopicMap } from '@shared/api/map-contract';
import { TexText } from '../../components/TexText';
import { LassoOverlay } from './LassoOverlay';
import { useSigmaMap } from './useSigmaMap';

export type { MapHandle } from './sigmaMount';

type Props = {
  map: TopicMap;
  dark: boolean;
  lasso: boolean;
  /** Palette index per paper (its cluster, or its tag when coloured by tag); −1 is grey. */
  colours: number[];
  /** Search hits to highlight; null: no search (every paper drawn normally). */
  highlight: ReadonlySet<string> | null;
  onOpen(id: string): void;
  onLasso(ids: string[]): void;
};

export function MapScatter({ map, dark, lasso, colours, highlight, onOpen, onLasso }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { sigmaRef, hover, labels, error, moving } = useSigmaMap(ref, {
    map,
    dark,
    colours,
    highlight,
    onOpen,
  });
  const projector = () => {
    const sigma = sigmaRef.current;
    if (!sigma) return null;
    return (i: number) => sigma.graphToViewport({ x: map.points.x[i]!, y: map.points.y[i]! });
  };

  return (
    <div className="map-scatter" data-testid="map-scatter">
      <div className="map-canvas" ref={ref} />
      {error && <p className="map-note">{error}</p>}
      <div className="map-labels" aria-hidden="true" hidden={moving}>
        {labels.map((l) => (
          <span key={l.id} className="map-cluster-label" style={{ left: l.x, top: l.y }}>
            {l.label}
          </span>
        ))}
      </div>
      {hover && !moving && (
        <div
          className="map-tooltip"
          data-testid="map-tooltip"
          style={{ left: hover.x + 10, top: hover.y + 10 }}
        >
          <TexText text={hover.title} />
        </div>
      )}
      {lasso && (
        <LassoOverlay
          container={ref}
          ids={map.points.ids}
          projector={projector}
          onLasso={onLasso}
        />
      )}
    </div>
  );
}
