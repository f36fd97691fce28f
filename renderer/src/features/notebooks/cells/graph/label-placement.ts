// Which node labels the graph view draws: the largest nodes first, each label kept only when its box
// overlaps no label already kept (nor a labelled node's disc) and fits inside the view; the rest show
// on hover. Sigma's own label grid keeps one label per grid cell, which still lets long paper titles
// in neighbouring cells run over each other.

export type LabelCandidate = {
  id: string;
  /** Node centre in the view's CSS pixels. */
  x: number;
  y: number;
  /** Rendered node radius in CSS pixels. */
  size: number;
  /** Width of the label text as drawn. */
  width: number;
};
export type Box = { x0: number; y0: number; x1: number; y1: number };

/** Gap kept around each label (px). */
const PAD = 2;
/** Longest label drawn beside a node; the full text shows on hover. */
export const MAX_LABEL_CHARS = 34;

/** The label as drawn beside its node: at most MAX_LABEL_CHARS, cut at a word with an ellipsis. */
export function shortLabel(label: string, max = MAX_LABEL_CHARS): string {
  const t = label.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The box of a label as sigma's default label drawer places it: text starting at x + size + 3 with
 * its baseline at y + fontSize / 3 (ascent ≈ 0.8 and descent ≈ 0.25 of the font size).
 */
export function labelBox(c: LabelCandidate, fontSize: number): Box {
  const baseline = c.y + fontSize / 3;
  return {
    x0: c.x + c.size + 3 - PAD,
    x1: c.x + c.size + 3 + c.width + PAD,
    y0: baseline - 0.8 * fontSize - PAD,
    y1: baseline + 0.25 * fontSize + PAD,
  };
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The ids to label, largest node first (ties by id, so the choice is stable). */
export function placeLabels(
  cands: readonly LabelCandidate[],
  opts: { max: number; width: number; height: number; fontSize: number },
): string[] {
  const order = [...cands].sort(
    (a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const kept: string[] = [];
  const taken: Box[] = [];
  for (const c of order) {
    if (kept.length >= opts.max) break;
    const box = labelBox(c, opts.fontSize);
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > opts.width || box.y1 > opts.height) continue;
    if (taken.some((t) => overlaps(t, box))) continue;
    const disc = { x0: c.x - c.size, x1: c.x + c.size, y0: c.y - c.size, y1: c.y + c.size };
    kept.push(c.id);
    taken.push(box, disc);
  }
  return kept;
}
