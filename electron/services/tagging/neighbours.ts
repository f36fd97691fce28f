// Neighbours tagger: for each paper, its k nearest labelled papers by stored vector (no re-embedding)
// vote for the tags they carry, weighted by similarity (raised to a power, so the closest count most);
// papers the user rejected a tag for vote against it, and labelled papers without the tag add nothing.
// The vote is divided by k, not by the neighbours' total weight: with only positive examples (the
// usual start: a user tags a few papers) a share would be 100 % for every paper. Like zero-shot, the
// threshold is calibrated per tag on its votes over the library (z-score, top-share cap).
// Constants chosen by bench/tagging (quality on the sample feed with 20 % of labels accepted).
import type { CallContext } from '@shared/api/contract';
import type { Evidence } from '@shared/api/tagging-contract';
import { buildKnn, EXACT_BELOW } from './knn';
import { Slicer } from './slices';
import type { Tagger, TaggerInput, TaggerOutput } from './tagger';
import { MAX_PER_PAPER, capPerPaper, round } from './zero-shot';
import { alignVectors, centred, requireVectors, type VectorSource } from './vectors';

export type NeighboursOptions = {
  k: number;
  /** Similarities are raised to this power: closer neighbours count much more. */
  sharpness: number;
  /** A paper is proposed when its vote is this many standard deviations above the tag's mean… */
  zMin: number;
  /** …and among the tag's top share of the library. */
  maxShare: number;
  /** Compare vectors with the library's mean removed (see vectors.ts `centred`). */
  centre: boolean;
  /** Labelled papers from which the approximate (IVF) search is used (knn.ts). */
  exactBelow: number;
};

export const NEIGHBOURS: NeighboursOptions = {
  k: 5,
  sharpness: 1,
  zMin: 1.6,
  maxShare: 0.3,
  centre: true,
  exactBelow: EXACT_BELOW,
};

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export type NeighbourScores = {
  modelId: string;
  /** Per tag, per paper: calibrated score 0..1, ≥ 0.5 above the threshold (NaN: no vector or no labels). */
  score: Float32Array[];
  /** Tag t passes its threshold for paper i. */
  passes: Uint8Array[];
  /** Accepted examples per tag (for the blend). */
  examples: number[];
  evidence(t: number, i: number): Evidence['neighbours'];
  warnings: string[];
  noVector: number[];
};

type Near = { row: number; sim: number };

export async function neighbourScores(
  source: VectorSource,
  input: Pick<TaggerInput, 'papers' | 'vocabulary' | 'decisions'>,
  ctx: CallContext,
  opts: NeighboursOptions = NEIGHBOURS,
): Promise<NeighbourScores> {
  const slicer = new Slicer(ctx.signal);
  const { papers, vocabulary, decisions } = input;
  const aligned = await alignVectors(source, papers);
  requireVectors(aligned, papers.length);
  const { dims, rows } = aligned;
  const vectors = opts.centre ? centred(aligned).vectors : aligned.vectors;
  const tagIndex = new Map(vocabulary.map((t, j) => [t.name, j]));
  const indexOf = new Map(papers.map((p, i) => [p.id, i]));

  // Labelled papers: accepted (typed, imported, accepted suggestions) and rejected pairs.
  const accepted = new Map<number, Set<number>>();
  const rejected = new Map<number, Set<number>>();
  const examples = vocabulary.map(() => 0);
  for (const d of decisions) {
    const i = indexOf.get(d.paperId);
    const t = tagIndex.get(d.tag);
    if (i === undefined || t === undefined || rows[i]! < 0) continue;
    const map = d.decision === 'accepted' ? accepted : rejected;
    let set = map.get(i);
    if (!set) map.set(i, (set = new Set()));
    if (!set.has(t) && d.decision === 'accepted') examples[t]!++;
    set.add(t);
  }
  const labelled = [...new Set([...accepted.keys(), ...rejected.keys()])];
  const warnings: string[] = [];
  if (examples.every((c) => c === 0))
    warnings.push(
      'No tag has accepted papers yet: the neighbours tagger learns from them. Accept some suggestions or tag a few papers first.',
    );

  const vote = vocabulary.map(() => new Float32Array(papers.length).fill(NaN));
  const nearest: (Near[] | null)[] = new Array(papers.length).fill(null);
  // Labelled vectors packed together: the inner loop then reads memory in order.
  const packed = new Float32Array(labelled.length * dims);
  labelled.forEach((i, j) =>
    packed.set(vectors.subarray(rows[i]! * dims, (rows[i]! + 1) * dims), j * dims),
  );
  const k = opts.k;
  const topSim = new Float64Array(k);
  const topIdx = new Int32Array(k);
  const knn = buildKnn(packed, labelled.length, dims, opts.exactBelow);
  const selfPos = new Map(labelled.map((i, j) => [i, j]));
  ctx.onProgress({ phase: 'neighbours', done: 0, total: papers.length });
  for (let i = 0; i < papers.length && labelled.length > 0; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    const filled = knn.search(vectors, r * dims, k, selfPos.get(i) ?? -1, topIdx, topSim);
    const near: Near[] = [];
    for (let m = 0; m < filled; m++) near.push({ row: labelled[topIdx[m]!]!, sim: topSim[m]! });
    nearest[i] = near;
    // Every paper with a vector gets a vote (0 when no close neighbour carries the tag): the
    // calibration needs the whole library's distribution, not only the papers near an example.
    for (let t = 0; t < vocabulary.length; t++) {
      if (examples[t] === 0) continue;
      let v = 0;
      for (const nb of near) {
        const w = Math.max(0, nb.sim) ** opts.sharpness;
        if (accepted.get(nb.row)?.has(t)) v += w;
        else if (rejected.get(nb.row)?.has(t)) v -= w;
      }
      vote[t]![i] = v / k;
    }
    if ((i & 63) === 0) {
      ctx.onProgress({ phase: 'neighbours', done: i, total: papers.length });
      await slicer.tick();
    }
  }
  ctx.onProgress({ phase: 'neighbours', done: papers.length, total: papers.length });
  const { score, passes } = calibrate(vote, opts);

  return {
    modelId: aligned.modelId,
    score,
    passes,
    examples,
    warnings,
    noVector: [...rows.keys()].filter((i) => rows[i]! < 0),
    evidence: (t, i) =>
      (nearest[i] ?? [])
        .filter((nb) => accepted.get(nb.row)?.has(t) || rejected.get(nb.row)?.has(t))
        .slice(0, 5)
        .map((nb) => ({
          paperId: papers[nb.row]!.id,
          title: papers[nb.row]!.title,
          similarity: round(nb.sim),
          ...(accepted.get(nb.row)?.has(t) ? {} : { rejected: true }),
        })),
  };
}

/** Per tag: z-score of each paper's vote over the papers that have one; passes = z ≥ zMin, top share, vote > 0. */
function calibrate(
  vote: Float32Array[],
  opts: NeighboursOptions,
): { score: Float32Array[]; passes: Uint8Array[] } {
  const score: Float32Array[] = [];
  const passes: Uint8Array[] = [];
  for (const v of vote) {
    const finite = Array.from(v).filter((x) => Number.isFinite(x));
    const n = finite.length;
    const mean = finite.reduce((s, x) => s + x, 0) / Math.max(1, n);
    const sd = Math.max(
      Math.sqrt(finite.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n)),
      1e-3,
    );
    const sorted = finite.sort((a, b) => b - a);
    const cutoff = sorted[Math.max(0, Math.floor(opts.maxShare * n) - 1)] ?? Infinity;
    const s = new Float32Array(v.length).fill(NaN);
    const pass = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (!Number.isFinite(x)) continue;
      const z = (x - mean) / sd;
      s[i] = logistic(2 * (z - opts.zMin));
      pass[i] = z >= opts.zMin && x >= cutoff && x > 0 ? 1 : 0;
    }
    score.push(s);
    passes.push(pass);
  }
  return { score, passes };
}

export function createNeighboursTagger(
  source: VectorSource,
  opts: NeighboursOptions = NEIGHBOURS,
): Tagger {
  return {
    name: 'neighbours',
    async run(input: TaggerInput, ctx: CallContext): Promise<TaggerOutput> {
      const s = await neighbourScores(source, input, ctx, opts);
      const proposals = [];
      for (let t = 0; t < input.vocabulary.length; t++) {
        const tag = input.vocabulary[t]!.name;
        for (let i = 0; i < input.papers.length; i++) {
          const p = input.papers[i]!;
          const v = s.score[t]![i]!;
          if (!s.passes[t]![i] || p.tags.includes(tag)) continue;
          proposals.push({
            paperId: p.id,
            tag,
            score: round(v),
            evidence: { neighbours: s.evidence(t, i) },
          });
        }
      }
      return {
        model: s.modelId,
        proposals: capPerPaper(proposals, MAX_PER_PAPER),
        notTagged: s.noVector.map((i) => ({
          paperId: input.papers[i]!.id,
          reason: `no vector under "${s.modelId}"`,
        })),
        warnings: s.warnings,
      };
    },
  };
}
