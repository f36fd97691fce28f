// Cluster identity across runs: a new cluster inherits the id (and so the user's name) of the
// previous cluster it overlaps most, by Jaccard of member ids, matched greedily from the highest
// overlap down (ties by index) — with a few dozen clusters the greedy matching agreed with the
// optimal (Hungarian) one on every re-run we looked at, and it is simpler to keep right. A previous
// cluster the user made by merging re-absorbs every new cluster that lies mostly (≥ half) inside it,
// so a merge survives a re-run that splits the topic again.

export type PreviousCluster = { id: string; members: readonly string[]; merged: boolean };

export type Matching = {
  /** Id per new cluster (fresh ids `c<n>` for the unmatched). */
  ids: string[];
  /** Groups of new clusters to merge (each inside one previous merged cluster); the ids are the same within a group. */
  groups: number[][];
  /** The next free numeric id. */
  nextId: number;
};

/** Minimum Jaccard for a new cluster to inherit an id. */
export const MIN_JACCARD = 0.3;

export function matchClusters(
  previous: readonly PreviousCluster[],
  next: readonly (readonly string[])[],
  nextId: number,
): Matching {
  const ids: (string | null)[] = next.map(() => null);
  const prevSets = previous.map((p) => new Set(p.members));
  const inter = next.map((members) =>
    prevSets.map((set) => members.reduce((s, id) => s + (set.has(id) ? 1 : 0), 0)),
  );
  const used = new Set<number>();
  const groups: number[][] = [];

  // Merged clusters first: every new cluster mostly inside one re-joins it.
  previous.forEach((p, o) => {
    if (!p.merged) return;
    const group = next
      .map((members, j) => ({ j, c: members.length ? inter[j]![o]! / members.length : 0 }))
      .filter(({ j, c }) => c >= 0.5 && ids[j] === null && bestContainer(inter[j]!) === o)
      .map(({ j }) => j);
    if (group.length === 0) return;
    for (const j of group) ids[j] = p.id;
    used.add(o);
    if (group.length > 1) groups.push(group);
  });

  const pairs: { j: number; o: number; jac: number }[] = [];
  next.forEach((members, j) => {
    if (ids[j] !== null) return;
    previous.forEach((p, o) => {
      if (used.has(o)) return;
      const i = inter[j]![o]!;
      const jac = i / (members.length + p.members.length - i || 1);
      if (jac >= MIN_JACCARD) pairs.push({ j, o, jac });
    });
  });
  pairs.sort((a, b) => b.jac - a.jac || a.j - b.j || a.o - b.o);
  for (const { j, o } of pairs) {
    if (ids[j] !== null || used.has(o)) continue;
    ids[j] = previous[o]!.id;
    used.add(o);
  }
  let counter = Math.max(nextId, ...previous.map((p) => numeric(p.id) + 1), 1);
  return { ids: ids.map((id) => id ?? `c${counter++}`), groups, nextId: counter };
}

function bestContainer(row: readonly number[]): number {
  let best = -1;
  let n = 0;
  row.forEach((v, o) => {
    if (v > n) [best, n] = [o, v];
  });
  return best;
}

function numeric(id: string): number {
  const m = /^c(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}
