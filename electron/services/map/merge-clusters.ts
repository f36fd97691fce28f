// Merging clusters of a stored map: the sources' papers join the target, ids are renumbered, and
// the merged cluster gets new key phrases and central papers (the others keep theirs).
import { QuireError } from '@shared/api/errors';
import { alignVectors, summarise, type ModelVectors } from './membership';
import { finishLabels, type EmbedPhrase } from './cluster-labels';
import type { StoredMap } from './map-file';

export type MergeDeps = {
  /** The texts the map reads of papers (title and abstract), in the order of `ids`. */
  texts(ids: readonly string[]): Promise<string[]>;
  vectors(): Promise<ModelVectors>;
  embedPhrase: EmbedPhrase | null;
};

/** The map with `from` merged into `into` (the target cluster object is updated in place). */
export async function mergeClusters(
  stored: StoredMap,
  into: string,
  from: string[],
  deps: MergeDeps,
): Promise<StoredMap> {
  const indexOf = (id: string): number => {
    const i = stored.clusters.findIndex((c) => c.id === id);
    if (i < 0) throw new QuireError('not_found', `The map has no cluster ${id}.`);
    return i;
  };
  const target = indexOf(into);
  const sources = new Set([...new Set(from)].map(indexOf));
  const keep = stored.clusters.map((_, i) => i).filter((i) => !sources.has(i));
  const newIndex = new Map(keep.map((old, i) => [old, i]));
  const targetNew = newIndex.get(target)!;
  const cluster = stored.cluster.map((c) =>
    c < 0 ? -1 : sources.has(c) ? targetNew : newIndex.get(c)!,
  );
  const merged = stored.clusters[target]!;
  merged.mergedFrom = [
    ...new Set([
      ...merged.mergedFrom,
      ...[...sources].flatMap((i) => [stored.clusters[i]!.id, ...stored.clusters[i]!.mergedFrom]),
    ]),
  ];
  const clusters = keep.map((i) => stored.clusters[i]!);
  // New key phrases and central papers for the merged cluster; the others keep theirs.
  const vec = await deps.vectors();
  const sorted = alignVectors(stored.ids, vec);
  const { centroids, candidates, central } = summarise(
    sorted,
    vec.dims,
    await deps.texts(stored.ids),
    cluster,
    clusters.length,
  );
  const [label] = await finishLabels(
    [candidates[targetNew]!],
    [centroids[targetNew]!],
    deps.embedPhrase,
  );
  merged.keywords = label!.keywords;
  merged.llmName = null; // named from the members it had before the merge
  merged.autoLabel = label!.label;
  merged.centralPaperIds = central[targetNew]!.map((i) => stored.ids[i]!);
  return { ...stored, cluster, clusters };
}
