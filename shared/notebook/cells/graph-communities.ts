// Graph cell legend: each colour group named by its key terms — the topic map's c-TF-IDF labeller
// (shared/map/labels.ts) over the titles and abstracts of a community's papers — or, for graphs
// without text (generators, edge lists), a plain "Community 3" with its size.
import { clusterCandidates, MAX_DOCS_PER_CLUSTER, pickKeywords } from '../../map/labels';
import type { GraphDrawing } from './graph';

/** Key terms shown per community (fewer when the texts offer no more distinctive ones). */
export const TERMS_PER_COMMUNITY = 3;

/**
 * The paper ids whose texts label the communities: per community its best-connected members, at
 * most `perCommunity` (the labeller reads no more than that per cluster anyway), so fetching them
 * stays bounded on a 10k-paper library.
 */
export function labelSampleIds(
  drawing: GraphDrawing,
  perCommunity = MAX_DOCS_PER_CLUSTER,
): string[] {
  const by = new Map<number, GraphDrawing['nodes']>();
  for (const n of drawing.nodes) {
    if (!n.paper || n.community < 0) continue;
    let list = by.get(n.community);
    if (!list) by.set(n.community, (list = []));
    list.push(n);
  }
  const out: string[] = [];
  for (const list of by.values()) {
    list.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const n of list.slice(0, perCommunity)) out.push(n.id);
  }
  return out;
}

/**
 * Key terms of each community, by community index ('' when a community has no text or no
 * distinctive phrase). `texts` maps a node id to its text (title + abstract); nodes without an
 * entry are left out, so a graph without text gets only empty labels.
 */
export function communityTerms(
  drawing: GraphDrawing,
  texts: ReadonlyMap<string, string>,
  max = TERMS_PER_COMMUNITY,
): string[] {
  const count = Math.max(0, ...drawing.nodes.map((n) => n.community + 1));
  if (count === 0) return [];
  const docs: string[] = [];
  const labels: number[] = [];
  for (const n of drawing.nodes) {
    const t = texts.get(n.id);
    if (n.community < 0 || !t) continue;
    docs.push(t);
    labels.push(n.community);
  }
  if (docs.length === 0) return new Array<string>(count).fill('');
  const cands = clusterCandidates(docs, labels, count);
  // Largest community first, and a phrase names one community only: two communities of a
  // "scaling laws" library then differ in what follows it, not in both reading "scaling laws".
  const size = new Array<number>(count).fill(0);
  for (const c of labels) size[c]!++;
  const order = [...size.keys()].sort((a, b) => size[b]! - size[a]! || a - b);
  const used = new Set<string>();
  const out = new Array<string>(count).fill('');
  for (const c of order) {
    const free = cands[c]!.filter((x) => !used.has(x.key));
    const picked = pickKeywords(free, { max, min: Math.min(2, max) });
    for (const x of free) if (picked.includes(x.text)) used.add(x.key);
    out[c] = withoutContained(picked).join(' · ');
  }
  return out;
}

/** Drops a phrase whose words all occur in another picked phrase ("protein" beside "protein structure"). */
function withoutContained(picked: readonly string[]): string[] {
  const words = picked.map((p) => p.toLowerCase().split(/[\s-]+/));
  return picked.filter(
    (_, i) =>
      !words.some(
        (other, j) =>
          j !== i && other.length > words[i]!.length && words[i]!.every((w) => other.includes(w)),
      ),
  );
}

/** The texts a drawing carries itself: the titles of its paper nodes (for drawings saved before terms were stored). */
export function titleTexts(drawing: GraphDrawing): Map<string, string> {
  return new Map(drawing.nodes.filter((n) => n.paper).map((n) => [n.id, n.label]));
}

export type LegendEntry = {
  /** Colour group index. */
  group: number;
  size: number;
  /** Map cluster label, key terms, or "Community n". */
  name: string;
  /** The name came from text (map label or key terms), not a number. */
  named: boolean;
};

/** The legend of a drawing: its colour groups, largest first, each named (see the header). */
export function communityLegend(
  drawing: GraphDrawing,
  terms: readonly string[] = drawing.communityTerms ?? [],
): LegendEntry[] {
  const counts = new Map<number, number>();
  for (const n of drawing.nodes)
    if (n.community >= 0) counts.set(n.community, (counts.get(n.community) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([group, size]) => {
      const text = drawing.groups ? drawing.groups.labels[group] : terms[group];
      const named = Boolean(text && text.trim());
      const kind = drawing.groups ? 'Cluster' : 'Community';
      return { group, size, name: named ? text!.trim() : `${kind} ${group + 1}`, named };
    });
}
