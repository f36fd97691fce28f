// Choosing which node labels the graph view draws (label-placement.ts).
import { describe, expect, it } from 'vitest';
import {
  labelBox,
  overlaps,
  placeLabels,
  shortLabel,
  type LabelCandidate,
} from './label-placement';

const opts = { max: 10, width: 600, height: 400, fontSize: 12 };

describe('placeLabels', () => {
  it('labels the largest nodes first and never two overlapping labels', () => {
    // A dense row of nodes with long labels: neighbours' labels would run over each other.
    const cands: LabelCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      id: `n${i}`,
      x: 20 + (i % 10) * 40,
      y: 50 + Math.floor(i / 10) * 8,
      size: 3 + (i % 7),
      width: 150,
    }));
    const kept = placeLabels(cands, opts);
    expect(kept.length).toBeGreaterThan(1);
    const boxes = kept.map((id) =>
      labelBox(
        cands.find((c) => c.id === id)!,
        12,
      ),
    );
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    // The largest node that fits is labelled.
    const largest = Math.max(...cands.map((c) => c.size));
    expect(kept.some((id) => cands.find((c) => c.id === id)!.size === largest)).toBe(true);
  });

  it('keeps labels inside the view and at most `max`', () => {
    const cands: LabelCandidate[] = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      x: (i * 97) % 600,
      y: 10 + ((i * 53) % 380),
      size: 4,
      width: 60,
    }));
    const kept = placeLabels(cands, { ...opts, max: 5 });
    expect(kept.length).toBeLessThanOrEqual(5);
    for (const id of kept) {
      const b = labelBox(
        cands.find((c) => c.id === id)!,
        12,
      );
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(600);
    }
  });
});

describe('shortLabel', () => {
  it('cuts long titles at a word with an ellipsis', () => {
    expect(shortLabel('Short title')).toBe('Short title');
    const s = shortLabel('Scaling Laws for Neural Language Models and Their Many Consequences');
    expect(s.length).toBeLessThanOrEqual(34);
    expect(s).toMatch(/^Scaling Laws for Neural Language.*…$/);
  });
});
