// Which nodes show their label beside them, for sigma's current camera and size: ./label-placement
// picks the largest that do not overlap; only nodes whose choice changed are redrawn.
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { matrixFromCamera as MatrixFromCamera } from 'sigma/utils';
import type { EdgeAttrs, NodeAttrs } from './layout';
import { placeLabels, type LabelCandidate } from './label-placement';
import { LABEL_FONT, LABEL_SIZE, type DrawState } from './sigmaSettings';

/** Labels drawn beside nodes at once (the rest on hover). */
const MAX_LABELS = 14;

/** A label's width in CSS pixels, measured once per text. */
function labelWidths(): (text: string) => number {
  const measure = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return (text) => {
    let w = widths.get(text);
    if (w === undefined) {
      if (measure) measure.font = `normal ${LABEL_SIZE}px ${LABEL_FONT}`;
      w = measure ? measure.measureText(text).width : text.length * LABEL_SIZE * 0.6;
      widths.set(text, w);
    }
    return w;
  };
}

/** Re-chooses `state.labelled` for the current camera and size; call on every camera move. */
export function createRelabel(
  sigma: Sigma<NodeAttrs, EdgeAttrs>,
  graph: Graph<NodeAttrs, EdgeAttrs>,
  matrixFromCamera: typeof MatrixFromCamera,
  state: DrawState,
): () => void {
  const widthOf = labelWidths();
  return () => {
    const dims = sigma.getDimensions();
    const { width, height } = dims;
    // The camera's matrix now: sigma's own is refreshed only when it next renders.
    const matrix = matrixFromCamera(
      sigma.getCamera().getState(),
      dims,
      sigma.getGraphDimensions(),
      sigma.getStagePadding(),
    );
    const cands: LabelCandidate[] = [];
    graph.forEachNode((id) => {
      const d = sigma.getNodeDisplayData(id);
      if (!d || d.hidden || !d.label) return;
      const p = sigma.framedGraphToViewport(d, { matrix });
      cands.push({ id, x: p.x, y: p.y, size: sigma.scaleSize(d.size), width: widthOf(d.label) });
    });
    const next = new Set(
      placeLabels(cands, { max: MAX_LABELS, width, height, fontSize: LABEL_SIZE }),
    );
    const { labelled } = state;
    const changed = [...labelled, ...next].filter((id) => labelled.has(id) !== next.has(id));
    state.labelled = next;
    if (changed.length > 0)
      sigma.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
  };
}
