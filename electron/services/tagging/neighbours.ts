// Neighbours tagger: for each paper, its k nearest labelled papers by stored vector (no re-embedding)
// vote for the tags they carry, weighted by similarity; papers the user rejected a tag for vote
// against it, and labelled papers without the tag count as quiet negatives (they dilute the vote).
// Constants chosen by bench/tagging (quality on the sample feed with 20 % of labels accepted).
import type { CallContext } from '../../../shared/api/contract';
import type { Evidence } from '../../../shared/api/tagging-contract';
import { Slicer } from './slices';
import type { Tagger, TaggerInput, TaggerOutput } from './tagger';
import { MAX_PER_PAPER, capPerPaper, round } from './zero-shot';
import { alignVectors, dot, requireVectors, type VectorSource } from './vectors';

export type NeighboursOptions = {
  k: number;
  /** Similarities are raised to this power: closer neighbours count much more. */
  sharpness: number;
  /** A tag is proposed when its share of the neighbours' weight reaches this. */
  minVote: number;
};

export const NEIGHBOURS: NeighboursOptions = { k: 10, sharpness: 3, minVote: 0.35 };

export type NeighbourScores = {
  modelId: string;
  /** Per tag, per paper: vote share 0..1 (NaN: paper without vector or no labels for the tag). */
  score: Float32Array[];
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
  const { dims, vectors, rows } = aligned;
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

  const score = vocabulary.map(() => new Float32Array(papers.length).fill(NaN));
  const nearest: (Near[] | null)[] = new Array(papers.length).fill(null);
  // Labelled vectors packed together: the inner loop then reads memory in order.
  const packed = new Float32Array(labelled.length * dims);
  labelled.forEach((i, j) =>
    packed.set(vectors.subarray(rows[i]! * dims, (rows[i]! + 1) * dims), j * dims),
  );
  const k = opts.k;
  const topSim = new Float64Array(k);
  const topIdx = new Int32Array(k);
  ctx.onProgress({ phase: 'neighbours', done: 0, total: papers.length });
  for (let i = 0; i < papers.length && labelled.length > 0; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    let filled = 0;
    for (let j = 0; j < labelled.length; j++) {
      if (labelled[j] === i) continue;
      const s = dot(vectors, r * dims, packed, j * dims, dims);
      if (filled < k) {
        let p = filled++;
        while (p > 0 && topSim[p - 1]! < s) {
          topSim[p] = topSim[p - 1]!;
          topIdx[p] = topIdx[p - 1]!;
          p--;
        }
        topSim[p] = s;
        topIdx[p] = j;
      } else if (s > topSim[k - 1]!) {
        let p = k - 1;
        while (p > 0 && topSim[p - 1]! < s) {
          topSim[p] = topSim[p - 1]!;
          topIdx[p] = topIdx[p - 1]!;
          p--;
        }
        topSim[p] = s;
        topIdx[p] = j;
      }
    }
    const near: Near[] = [];
    let total = 0;
    for (let m = 0; m < filled; m++) {
      const w = Math.max(0, topSim[m]!) ** opts.sharpness;
      total += w;
      near.push({ row: labelled[topIdx[m]!]!, sim: topSim[m]! });
    }
    nearest[i] = near;
    if (total > 0) {
      for (let t = 0; t < vocabulary.length; t++) {
        if (examples[t] === 0) continue;
        let vote = 0;
        for (const nb of near) {
          const w = Math.max(0, nb.sim) ** opts.sharpness;
          if (accepted.get(nb.row)?.has(t)) vote += w;
          else if (rejected.get(nb.row)?.has(t)) vote -= w;
        }
        score[t]![i] = Math.max(0, vote / total);
      }
    }
    if ((i & 63) === 0) {
      ctx.onProgress({ phase: 'neighbours', done: i, total: papers.length });
      await slicer.tick();
    }
  }
  ctx.onProgress({ phase: 'neighbours', done: papers.length, total: papers.length });

  return {
    modelId: aligned.modelId,
    score,
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
          if (!(v >= opts.minVote) || p.tags.includes(tag)) continue;
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
