// How the map colours its papers: by cluster (the palette index of the paper's cluster) or by tag
// (the most frequent tags each get a palette colour; a paper takes that of its most frequent tag,
// papers with none of them are grey), with the legend entries either mode shows.
import type { TopicMap } from '@shared/api/map-contract';

export type ColourMode = 'cluster' | 'tag';

/** Tags given their own colour; the rest share "Other tags". */
export const TAG_COLOURS = 11;

export type TagColouring = {
  /** Palette index per paper (−1: untagged or only rarer tags). */
  index: number[];
  /** Legend: the coloured tags with how many papers carry each. */
  tags: { tag: string; count: number }[];
  other: number;
};

export function colourByTag(points: TopicMap['points']): TagColouring {
  const count = new Map<string, number>();
  for (const tags of points.tags) for (const t of tags) count.set(t, (count.get(t) ?? 0) + 1);
  const top = [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TAG_COLOURS)
    .map(([tag, n]) => ({ tag, count: n }));
  const rank = new Map(top.map((t, i) => [t.tag, i]));
  const index = points.tags.map((tags) =>
    tags.reduce((best, t) => {
      const r = rank.get(t);
      return r !== undefined && (best < 0 || r < best) ? r : best;
    }, -1),
  );
  return { index, tags: top, other: index.filter((i) => i < 0).length };
}
