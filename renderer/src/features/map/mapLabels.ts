// Which cluster labels the map draws at a zoom level: the largest clusters when zoomed out (a
// coarser level), more as the camera zooms in, so labels do not pile up on a 50-cluster map.

/** Labels drawn at the default (fully zoomed-out) view; more appear as the camera zooms in. */
export const LABELS_ZOOMED_OUT = 6;

/** The clusters labelled at a camera ratio (1 = the whole map; smaller = zoomed in): the largest first. */
export function labelledClusters(sizes: { id: string; size: number }[], ratio: number): string[] {
  const live = sizes.filter((c) => c.size > 0).sort((a, b) => b.size - a.size);
  const n = ratio >= 1 ? LABELS_ZOOMED_OUT : Math.ceil(LABELS_ZOOMED_OUT / ratio);
  return live.slice(0, n).map((c) => c.id);
}
