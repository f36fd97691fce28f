// The lasso: an SVG over the map where the pointer draws a polygon; on release, the papers whose
// on-screen positions fall inside it are the selection.
import { useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';

type Point = { x: number; y: number };

/** Even-odd ray casting: is `p` inside the polygon? */
export function inside(poly: Point[], p: Point): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      hit = !hit;
  }
  return hit;
}

type Props = {
  container: RefObject<HTMLDivElement | null>;
  ids: string[];
  /** Where paper i is in the container's pixels; null while the scatter is not drawn. */
  projector(): ((i: number) => Point) | null;
  onLasso(ids: string[]): void;
};

export function LassoOverlay({ container, ids, projector, onLasso }: Props) {
  const [path, setPath] = useState<Point[]>([]);
  const local = (e: ReactPointerEvent) => {
    const r = container.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const finish = () => {
    const position = projector();
    if (position && path.length > 2) onLasso(ids.filter((_, i) => inside(path, position(i))));
    setPath([]);
  };
  return (
    <svg
      className="map-lasso"
      data-testid="map-lasso"
      onPointerDown={(e) => {
        (e.target as Element).setPointerCapture(e.pointerId);
        setPath([local(e)]);
      }}
      onPointerMove={(e) => {
        if (path.length) setPath((p) => [...p, local(e)]);
      }}
      onPointerUp={finish}
    >
      {path.length > 1 && <polygon points={path.map((p) => `${p.x},${p.y}`).join(' ')} />}
    </svg>
  );
}
