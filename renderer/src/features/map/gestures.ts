// Smooth pan and zoom for large maps: while a camera gesture runs (a drag, a wheel zoom and its
// animation, the inertia after a drag), sigma's last full frame is moved with a CSS transform that
// maps the old camera onto the new one, instead of redrawing every node and its hit-test (picking)
// layer per camera move; the full WebGL redraw happens once, when the gesture has settled. The
// picking layer is therefore current whenever the pointer can hover or click again. bench/map/pan.ts
// measures the effect (100k points: a redraw takes seconds with software WebGL).

type Point = { x: number; y: number };

/** The parts of sigma (v3) this module uses; `render` and `activeListeners` are private there. */
export type GestureSigma = {
  getCamera(): {
    getState(): unknown;
    on(event: 'updated', fn: () => void): void;
    removeListener(event: 'updated', fn: () => void): void;
    isAnimated(): boolean;
  };
  getCanvases(): Record<string, HTMLCanvasElement>;
  graphToViewport(p: Point, override?: { cameraState?: unknown }): Point;
  viewportToGraph(p: Point): Point;
  on(event: 'afterRender', fn: () => void): void;
  scheduleRender(): void;
};

type SigmaInternals = { activeListeners: { camera?: () => void }; render(): void };

export type Gestures = {
  /** True from a gesture's first camera move until its full redraw. */
  moving(): boolean;
  dispose(): void;
};

/** Quiet time after the last camera move (with no button held) before the full redraw. */
export const SETTLE_MS = 160;

/**
 * Takes over sigma's camera listener on `el` (sigma's container). `onMoving` is told when a
 * gesture starts and when its redraw is done (the view hides its HTML overlays meanwhile).
 */
export function deferRedrawDuringGestures(
  sigma: GestureSigma,
  el: HTMLElement,
  onMoving: (moving: boolean) => void,
): Gestures {
  const inner = sigma as unknown as SigmaInternals;
  const camera = sigma.getCamera();
  const own = inner.activeListeners.camera;
  if (own) camera.removeListener('updated', own);

  const layers = () =>
    Object.entries(sigma.getCanvases())
      .filter(([name]) => name !== 'mouse') // the event layer stays put: sigma reads positions on it
      .map(([, canvas]) => canvas);

  const setTransform = (css: string) => {
    for (const c of layers()) {
      c.style.transformOrigin = '0 0';
      c.style.transform = css;
    }
  };

  // Two graph points at the frame's viewport corners when it was drawn: where they are now gives
  // the transform (scale, rotation, translation) from the drawn frame to the current camera.
  let anchors: [Point, Point] | null = null;
  let size = { w: 1, h: 1 };
  const snapshot = () => {
    size = { w: Math.max(1, el.clientWidth), h: Math.max(1, el.clientHeight) };
    anchors = [
      sigma.viewportToGraph({ x: 0, y: 0 }),
      sigma.viewportToGraph({ x: size.w, y: size.h }),
    ];
  };

  let moving = false;
  let buttonDown = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  // Every full frame is drawn at the current camera: no transform, and new anchors. Sigma draws
  // synchronously, so the browser shows the new frame and the dropped transform together.
  const drawn = () => {
    snapshot();
    setTransform('');
  };
  drawn();
  sigma.on('afterRender', drawn);

  const settle = () => {
    timer = null;
    if (buttonDown || camera.isAnimated()) return arm();
    inner.render();
    moving = false;
    onMoving(false);
  };
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };

  const onCamera = () => {
    if (!anchors) return sigma.scheduleRender();
    // Without a camera override sigma converts with the matrix of its last frame.
    const now = { cameraState: camera.getState() };
    const a = sigma.graphToViewport(anchors[0], now);
    const b = sigma.graphToViewport(anchors[1], now);
    // (b − a) / (w, h) as complex numbers: scale and rotation of the old frame in the new view.
    const ux = b.x - a.x;
    const uy = b.y - a.y;
    const norm = size.w * size.w + size.h * size.h;
    const re = (ux * size.w + uy * size.h) / norm;
    const im = (uy * size.w - ux * size.h) / norm;
    if (![re, im, a.x, a.y].every(Number.isFinite)) return sigma.scheduleRender();
    setTransform(`matrix(${re}, ${im}, ${-im}, ${re}, ${a.x}, ${a.y})`);
    if (!moving) {
      moving = true;
      onMoving(true);
    }
    arm();
  };
  camera.on('updated', onCamera);

  const down = (e: MouseEvent) => {
    if (e.button === 0) buttonDown = true;
  };
  const up = () => {
    buttonDown = false;
    if (moving) arm();
  };
  el.addEventListener('mousedown', down, true);
  document.addEventListener('mouseup', up, true);

  return {
    moving: () => moving,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      camera.removeListener('updated', onCamera);
      el.removeEventListener('mousedown', down, true);
      document.removeEventListener('mouseup', up, true);
    },
  };
}
