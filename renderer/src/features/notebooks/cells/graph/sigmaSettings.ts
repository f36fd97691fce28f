// How sigma draws the graph cell's graph: theme-aware colours, shortened labels beside the labelled
// nodes (on a translucent plate, exactly the box ./label-placement keeps free) and the whole title
// in the hover box. Reads the view's mutable state at each draw, so a theme change or a new label
// choice only needs a refresh.
import type { Settings } from 'sigma/settings';
import type { EdgeAttrs, NodeAttrs } from './layout';
import { labelBox, shortLabel } from './label-placement';

export const LABEL_SIZE = 12;
export const LABEL_FONT = 'system-ui, sans-serif';

/** What the drawers read at each draw. */
export type DrawState = { dark: boolean; labelled: Set<string> };

export const textColor = (s: DrawState): string => (s.dark ? '#e6e8ec' : '#1c1f24');

export function sigmaSettings(state: DrawState): Partial<Settings<NodeAttrs, EdgeAttrs>> {
  return {
    renderEdgeLabels: false,
    // The labelled nodes get `forceLabel`; sigma's own size threshold hides the rest.
    labelRenderedSizeThreshold: Number.POSITIVE_INFINITY,
    labelFont: LABEL_FONT,
    labelColor: { color: textColor(state) },
    // Beside the node a shortened title; the hover box shows the whole one.
    nodeReducer: (node, data) => ({
      ...data,
      label: shortLabel(data.label),
      fullLabel: data.label,
      forceLabel: state.labelled.has(node),
    }),
    // Solid, theme-aware edges: sigma's WebGL edges drew the translucent grey near-white on the
    // dark background, hiding the communities.
    edgeReducer: (_edge, data) => ({ ...data, color: state.dark ? '#394049' : '#d7dbe2' }),
    labelSize: LABEL_SIZE,
    defaultDrawNodeLabel: (ctx, data, settings) => {
      if (!data.label) return;
      const size = settings.labelSize;
      ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const width = ctx.measureText(data.label).width;
      const box = labelBox({ id: '', x: data.x, y: data.y, size: data.size, width }, size);
      ctx.fillStyle = state.dark ? 'rgba(24, 26, 31, 0.82)' : 'rgba(255, 255, 255, 0.82)';
      ctx.fillRect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
      ctx.fillStyle = textColor(state);
      ctx.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
    },
    defaultDrawNodeHover: (ctx, data) => {
      const label = (data as { fullLabel?: string }).fullLabel ?? data.label ?? '';
      ctx.font = `${LABEL_SIZE}px ${LABEL_FONT}`;
      const w = ctx.measureText(label).width;
      const x = data.x + data.size + 4;
      ctx.fillStyle = state.dark ? '#1f2126' : '#ffffff';
      ctx.strokeStyle = state.dark ? '#3a3e47' : '#cfd4dc';
      ctx.beginPath();
      ctx.rect(x - 3, data.y - 10, w + 8, 20);
      ctx.fill();
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
      ctx.fillStyle = data.color;
      ctx.fill();
      ctx.fillStyle = textColor(state);
      ctx.fillText(label, x + 1, data.y + 4);
    },
  };
}
