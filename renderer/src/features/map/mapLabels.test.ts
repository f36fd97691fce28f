// The map's label levels: zoomed out only the largest clusters, more when zoomed in, none empty.
import { describe, expect, it } from 'vitest';
import { LABELS_ZOOMED_OUT, labelledClusters } from './mapLabels';

const clusters = Array.from({ length: 20 }, (_, i) => ({
  id: `c${i + 1}`,
  size: i === 4 ? 0 : i + 1,
}));

describe('labelledClusters', () => {
  it('labels only the largest clusters when zoomed out', () => {
    expect(labelledClusters(clusters, 1)).toEqual(['c20', 'c19', 'c18', 'c17', 'c16', 'c15']);
    expect(labelledClusters(clusters, 1)).toHaveLength(LABELS_ZOOMED_OUT);
  });

  it('labels more clusters as the camera zooms in, and never an empty one', () => {
    expect(labelledClusters(clusters, 0.5)).toHaveLength(12);
    const all = labelledClusters(clusters, 0.05);
    expect(all).toHaveLength(19);
    expect(all).not.toContain('c5');
  });

  it('labels every cluster of a small map', () => {
    expect(labelledClusters(clusters.slice(0, 3), 1)).toEqual(['c3', 'c2', 'c1']);
  });
});
