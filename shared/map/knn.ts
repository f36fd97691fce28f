// Exact k-nearest neighbours (Euclidean) of every point in a low-dimensional embedding, with a k-d
// tree (Friedman, Bentley & Finkel 1977): the density clustering runs on UMAP's 5-D output, where a
// k-d tree answers all n queries in about n·log n distance checks instead of brute force's n².

export type Knn = {
  /** n × k neighbour indices (row-major), nearest first, the point itself excluded. */
  indices: Int32Array;
  /** n × k distances matching `indices`. */
  distances: Float64Array;
  k: number;
};

type Node = {
  lo: number;
  hi: number;
  axis: number;
  split: number;
  left: Node | null;
  right: Node | null;
};

const LEAF = 16;

/** Points are n rows of `dims` numbers in `data` (row-major). `k` is clamped to n − 1. */
export function knnAll(data: Float64Array, n: number, dims: number, kWanted: number): Knn {
  const k = Math.max(0, Math.min(kWanted, n - 1));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const root = n > 0 ? build(data, dims, order, 0, n) : null;
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  if (k === 0 || !root) return { indices, distances, k };
  const heapD = new Float64Array(k);
  const heapI = new Int32Array(k);
  for (let q = 0; q < n; q++) {
    let size = 0;
    // Max-heap of the k best so far: the root is the worst kept distance.
    const push = (d: number, i: number): void => {
      if (size < k) {
        let c = size++;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (heapD[p]! >= d) break;
          heapD[c] = heapD[p]!;
          heapI[c] = heapI[p]!;
          c = p;
        }
        heapD[c] = d;
        heapI[c] = i;
      } else if (d < heapD[0]! || (d === heapD[0]! && i < heapI[0]!)) {
        let c = 0;
        for (;;) {
          const l = 2 * c + 1;
          if (l >= k) break;
          const r = l + 1;
          const m = r < k && heapD[r]! > heapD[l]! ? r : l;
          if (heapD[m]! <= d) break;
          heapD[c] = heapD[m]!;
          heapI[c] = heapI[m]!;
          c = m;
        }
        heapD[c] = d;
        heapI[c] = i;
      }
    };
    const worst = (): number => (size < k ? Infinity : heapD[0]!);
    const visit = (node: Node): void => {
      if (!node.left || !node.right) {
        for (let t = node.lo; t < node.hi; t++) {
          const i = order[t]!;
          if (i === q) continue;
          let s = 0;
          for (let d = 0; d < dims; d++) {
            const v = data[q * dims + d]! - data[i * dims + d]!;
            s += v * v;
          }
          if (s <= worst()) push(s, i);
        }
        return;
      }
      const diff = data[q * dims + node.axis]! - node.split;
      const [near, far] = diff <= 0 ? [node.left, node.right] : [node.right, node.left];
      visit(near);
      if (diff * diff <= worst()) visit(far);
    };
    visit(root);
    // Sort the heap's content ascending (ties by index, so results do not depend on tree shape).
    const pairs: [number, number][] = [];
    for (let t = 0; t < size; t++) pairs.push([heapD[t]!, heapI[t]!]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    pairs.forEach(([d, i], t) => {
      indices[q * k + t] = i;
      distances[q * k + t] = Math.sqrt(d);
    });
  }
  return { indices, distances, k };
}

function build(data: Float64Array, dims: number, order: Int32Array, lo: number, hi: number): Node {
  if (hi - lo <= LEAF) return { lo, hi, axis: 0, split: 0, left: null, right: null };
  // Split on the axis of widest spread at the median.
  let axis = 0;
  let best = -1;
  for (let d = 0; d < dims; d++) {
    let mn = Infinity;
    let mx = -Infinity;
    for (let t = lo; t < hi; t++) {
      const v = data[order[t]! * dims + d]!;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    if (mx - mn > best) {
      best = mx - mn;
      axis = d;
    }
  }
  if (best <= 0) return { lo, hi, axis: 0, split: 0, left: null, right: null };
  const slice = Array.from(order.subarray(lo, hi)).sort(
    (a, b) => data[a * dims + axis]! - data[b * dims + axis]! || a - b,
  );
  order.set(slice, lo);
  const mid = (lo + hi) >> 1;
  const split = data[order[mid]! * dims + axis]!;
  return {
    lo,
    hi,
    axis,
    split,
    left: build(data, dims, order, lo, mid),
    right: build(data, dims, order, mid, hi),
  };
}
