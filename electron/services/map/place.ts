// Places papers added after a layout without recomputing it: each goes to the similarity-weighted
// mean position of its 5 nearest laid-out papers (cosine in the embedding space) and joins the
// cluster most of them carry (weighted vote; "unassigned" can win too). Exact search: a few new
// papers against the library cost n·dims multiply-adds each.
import type { StoredMap } from './map-file';

const K = 5;

export function placeNew(
  stored: StoredMap,
  added: readonly string[],
  all: { ids: string[]; vectors: Float32Array; dims: number },
  liveIds: ReadonlySet<string>,
): { id: string; x: number; y: number; cluster: number }[] {
  const { dims } = all;
  const row = new Map(all.ids.map((id, i) => [id, i]));
  const unit = (i: number): Float32Array => {
    const v = all.vectors.slice(i * dims, (i + 1) * dims);
    const norm = Math.hypot(...v);
    if (norm > 0) for (let d = 0; d < dims; d++) v[d]! /= norm;
    return v;
  };
  const refs: { at: number; v: Float32Array }[] = [];
  stored.ids.forEach((id, at) => {
    const r = row.get(id);
    if (r !== undefined && liveIds.has(id)) refs.push({ at, v: unit(r) });
  });
  const out: { id: string; x: number; y: number; cluster: number }[] = [];
  for (const id of added) {
    const r = row.get(id);
    if (r === undefined || refs.length === 0) continue;
    const q = unit(r);
    const best: { at: number; s: number }[] = [];
    for (const ref of refs) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += q[d]! * ref.v[d]!;
      if (best.length < K || s > best[best.length - 1]!.s) {
        best.push({ at: ref.at, s });
        best.sort((a, b) => b.s - a.s || a.at - b.at);
        if (best.length > K) best.pop();
      }
    }
    let wx = 0;
    let wy = 0;
    let wsum = 0;
    const votes = new Map<number, number>();
    for (const { at, s } of best) {
      const w = Math.max(s, 0) + 1e-6;
      wx += w * stored.x[at]!;
      wy += w * stored.y[at]!;
      wsum += w;
      const c = stored.cluster[at]!;
      votes.set(c, (votes.get(c) ?? 0) + w);
    }
    let cluster = -1;
    let top = -1;
    for (const [c, w] of [...votes].sort((a, b) => a[0] - b[0]))
      if (w > top) [cluster, top] = [c, w];
    out.push({ id, x: wx / wsum, y: wy / wsum, cluster });
  }
  return out;
}
