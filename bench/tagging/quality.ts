// Tagging quality on the sample feed, against hand labels (bench/tagging/labels.json: our own
// vocabulary of 11 tags and labels of 105 papers written by reading them). Reports micro- and
// macro-F1 of (a) zero-shot with no labels and (b) neighbours + zero-shot (`auto`) after accepting the
// labels of a seeded random 20 % of the labelled papers, scored on the other 80 %; through the API as
// the app runs it, then a sweep of each tagger's constants (which chose the defaults).
// Run: npx tsx bench/tagging/quality.ts   — prints JSON; skips cleanly without ../shared.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices } from '../../electron/services';
import { BLEND, BlendTagger } from '../../electron/services/tagging/blend';
import { createNeighboursTagger, NEIGHBOURS } from '../../electron/services/tagging/neighbours';
import type { TaggerInput, TaggerPaper } from '../../electron/services/tagging/tagger';
import { createZeroShotTagger, ZERO_SHOT } from '../../electron/services/tagging/zero-shot';
import { rng } from '../support/synthetic';
import { openVectors } from './support';

const FEED = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'paper-feed.txt');
const LABELS = JSON.parse(readFileSync(join(import.meta.dirname, 'labels.json'), 'utf8')) as {
  vocabulary: { name: string; description: string }[];
  labels: { index: number; titleHash: string; tags: string[] }[];
};
const SEEDS = [1, 2, 3, 4, 5];
const TRAIN_SHARE = 0.2;

const norm = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
const titleHash = (t: string) => createHash('sha1').update(norm(t)).digest('hex').slice(0, 12);

/** Feed titles in file order (as bench/search/quality.ts reads them). */
function feedTitles(): string[] {
  const lines = readFileSync(FEED, 'utf8')
    .split(/\r?\n/)
    .slice(2)
    .filter((l) => l.trim());
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) out.push(lines[i]!.replace(/^Subscribe/, ''));
  return out;
}

type Scores = { microF1: number; macroF1: number; precision: number; recall: number };

/** F1 over (paper, tag) pairs of the evaluated papers; macro = mean of per-tag F1. */
function score(
  truth: Map<string, string[]>,
  predicted: { paperId: string; tag: string }[],
  evaluated: Set<string>,
): Scores {
  const tags = LABELS.vocabulary.map((t) => t.name);
  const pred = new Set(
    predicted.filter((p) => evaluated.has(p.paperId)).map((p) => `${p.paperId} ${p.tag}`),
  );
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const f1s: number[] = [];
  for (const tag of tags) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (const id of evaluated) {
      const isTrue = truth.get(id)!.includes(tag);
      const isPred = pred.has(`${id} ${tag}`);
      if (isTrue && isPred) a++;
      else if (isPred) b++;
      else if (isTrue) c++;
    }
    tp += a;
    fp += b;
    fn += c;
    if (a + b + c > 0) f1s.push((2 * a) / (2 * a + b + c));
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    microF1: r3((2 * tp) / (2 * tp + fp + fn)),
    macroF1: r3(f1s.reduce((s, x) => s + x, 0) / f1s.length),
    precision: r3(tp / Math.max(1, tp + fp)),
    recall: r3(tp / Math.max(1, tp + fn)),
  };
}

const mean = (xs: Scores[]): Scores => {
  const m = (k: keyof Scores) =>
    Math.round((xs.reduce((s, x) => s + x[k], 0) / xs.length) * 1000) / 1000;
  return {
    microF1: m('microF1'),
    macroF1: m('macroF1'),
    precision: m('precision'),
    recall: m('recall'),
  };
};

/** A seeded 20 % of the labelled papers. */
function split(ids: string[], seed: number): { train: Set<string>; test: Set<string> } {
  const r = rng(seed);
  const shuffled = ids
    .map((id) => ({ id, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.id);
  const n = Math.round(ids.length * TRAIN_SHARE);
  return { train: new Set(shuffled.slice(0, n)), test: new Set(shuffled.slice(n)) };
}

type Truth = Map<string, string[]>;
type Ctx = { signal: AbortSignal; onProgress: () => void };

/** 1. The library as the app builds it (import embeds, tags described), scored through the API. */
async function throughApi(dir: string) {
  const services = await createServices({ libraryDir: dir, mode: 'cli' });
  const api = createClient(inProcessTransport(services.dispatch));
  await api.call('import:run', { source: { kind: 'path', path: FEED } });
  for (const t of LABELS.vocabulary) await api.call('tags:add', t);
  const byHash = new Map<string, string>();
  for (const p of (await api.call('library:list', { limit: 1000 })).items)
    byHash.set(titleHash(p.title), p.id);
  const titles = feedTitles();
  const truth: Truth = new Map();
  const unmatched: number[] = [];
  for (const l of LABELS.labels) {
    const id = byHash.get(l.titleHash);
    if (!id || titleHash(titles[l.index] ?? '') !== l.titleHash) unmatched.push(l.index);
    else truth.set(id, l.tags);
  }
  const labelled = [...truth.keys()];
  const all = new Set(labelled);
  // (a) zero-shot, no labels, through the API.
  const a = await api.call('tagging:suggest', { tagger: 'zero-shot' });
  const zeroShotApi = score(truth, a.suggestions, all);
  // (b) auto after accepting 20 % of the labels (typed on the papers), scored on the rest.
  const { train, test } = split(labelled, SEEDS[0]!);
  for (const id of train) await api.call('library:update', { id, tags: truth.get(id)! });
  const b = await api.call('tagging:suggest', { tagger: 'auto' });
  const autoApi = score(truth, b.suggestions, test);
  const nb = await api.call('tagging:suggest', { tagger: 'neighbours' });
  const neighboursApi = score(truth, nb.suggestions, test);
  await services.close();
  return {
    truth,
    labelled,
    all,
    unmatched,
    model: b.model,
    api: {
      note: 'through tagging:suggest as the app runs it; (b) uses seed 1',
      a_zeroShot_noLabels: zeroShotApi,
      b_auto_after20pct: autoApi,
      b_neighboursAlone_after20pct: neighboursApi,
      suggestionsShown: { zeroShot: a.suggestions.length, auto: b.suggestions.length },
    },
  };
}

/** The taggers' input with `trainIds` carrying their true tags as accepted decisions. */
function inputMaker(basePapers: TaggerPaper[], truth: Truth) {
  return (trainIds: Set<string>): TaggerInput => {
    const papers = basePapers.map((p) => ({
      ...p,
      tags: trainIds.has(p.id) ? truth.get(p.id)! : [],
    }));
    return {
      papers,
      vocabulary: LABELS.vocabulary,
      decisions: papers.flatMap((p) =>
        p.tags.map((tag) => ({ paperId: p.id, tag, decision: 'accepted' as const })),
      ),
    };
  };
}

type SweepEnv = {
  source: Parameters<typeof createZeroShotTagger>[0];
  input: ReturnType<typeof inputMaker>;
  truth: Truth;
  all: Set<string>;
  splits: ReturnType<typeof split>[];
  ctx: Ctx;
};

async function zeroShotSweep({ source, input, truth, all, ctx }: SweepEnv) {
  const rows = [];
  for (const centre of [false, true])
    for (const lexWeight of [0, 0.3, 0.5, 0.7, 1.0])
      for (const zMin of [1.0, 1.2, 1.4, 1.6, 2.0])
        for (const maxShare of [0.1, 0.15, 0.25]) {
          const o = { lexWeight, zMin, maxShare, centre };
          const out = await createZeroShotTagger(source, o).run(input(new Set()), ctx);
          rows.push({ ...o, ...score(truth, out.proposals, all) });
        }
  return rows.sort((x, y) => y.microF1 - x.microF1);
}

async function neighboursSweep({ source, input, truth, splits, ctx }: SweepEnv) {
  const rows = [];
  for (const centre of [false, true])
    for (const k of [3, 5, 10])
      for (const sharpness of [1, 3])
        for (const zMin of [1.0, 1.3, 1.6, 2.0]) {
          const o = { ...NEIGHBOURS, k, sharpness, zMin, centre };
          const runs = [];
          for (const sp of splits) {
            const out = await createNeighboursTagger(source, o).run(input(sp.train), ctx);
            runs.push(score(truth, out.proposals, sp.test));
          }
          rows.push({ ...o, ...mean(runs) });
        }
  return rows.sort((x, y) => y.microF1 - x.microF1);
}

async function blendSweep({ source, input, truth, splits, ctx }: SweepEnv) {
  const rows = [];
  for (const centre of [false, true])
    for (const half of [0, 1, 2, 4, 8, 16, 1e9])
      for (const threshold of [0.4, 0.5, 0.6]) {
        const runs = [];
        const o = {
          ...BLEND,
          half,
          threshold,
          neighbours: { ...BLEND.neighbours, centre },
          // Centring is swept for the neighbours only: it lowered zero-shot's F1 (sweep above).
        };
        for (const sp of splits) {
          const out = await new BlendTagger(source, o).run(input(sp.train), ctx);
          runs.push(score(truth, out.proposals, sp.test));
        }
        rows.push({
          centre,
          half: half === 1e9 ? 'zero-shot only' : half,
          threshold,
          ...mean(runs),
        });
      }
  return rows.sort((x, y) => y.microF1 - x.microF1);
}

/** Defaults over all seeds, for the table. */
async function defaultsTable({ source, input, truth, all, splits, ctx }: SweepEnv) {
  const zsDefault = score(
    truth,
    (await createZeroShotTagger(source).run(input(new Set()), ctx)).proposals,
    all,
  );
  const autoSeeds = [];
  const zsOnTest = [];
  for (const sp of splits) {
    const auto = await new BlendTagger(source).run(input(sp.train), ctx);
    autoSeeds.push(score(truth, auto.proposals, sp.test));
    const zs = await createZeroShotTagger(source).run(input(sp.train), ctx);
    zsOnTest.push(score(truth, zs.proposals, sp.test));
  }
  return {
    note:
      'defaults; (b) and the zero-shot baseline on the same 80 % are means over seeds ' +
      SEEDS.join(','),
    a_zeroShot_noLabels_allLabelled: zsDefault,
    a_zeroShot_on80pct: mean(zsOnTest),
    b_auto_after20pct_on80pct: mean(autoSeeds),
  };
}

async function main(): Promise<void> {
  if (!existsSync(FEED)) {
    console.log(
      JSON.stringify({ skipped: '../shared/corpus/paper-feed.txt not present (fresh clone)' }),
    );
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-tagging-'));
  const ctx = { signal: new AbortController().signal, onProgress: () => {} };
  try {
    const viaApi = await throughApi(dir);
    const { truth, labelled, all } = viaApi;
    // 2. Sweeps on the same library, calling the taggers directly (same code the service runs).
    const { store, embeddings, source } = await openVectors(dir);
    const basePapers: TaggerPaper[] = (await store.read(store.all().map((p) => p.id))).map((p) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      tags: [],
    }));
    const env: SweepEnv = {
      source,
      input: inputMaker(basePapers, truth),
      truth,
      all,
      splits: SEEDS.map((s) => split(labelled, s)),
      ctx,
    };
    const zs = await zeroShotSweep(env);
    const nbs = await neighboursSweep(env);
    const bl = await blendSweep(env);
    const table = await defaultsTable(env);
    await embeddings.close();
    await store.close();
    const report = {
      corpus: 'paper-feed.txt',
      papers: basePapers.length,
      model: viaApi.model,
      vocabulary: LABELS.vocabulary.length,
      labelledPapers: labelled.length,
      unmatchedLabels: viaApi.unmatched,
      trainShare: TRAIN_SHARE,
      defaults: {
        zeroShot: ZERO_SHOT,
        neighbours: NEIGHBOURS,
        blend: { half: BLEND.half, threshold: BLEND.threshold },
      },
      api: viaApi.api,
      table,
      sweeps: {
        zeroShot_top5: zs.slice(0, 5),
        zeroShot_default: zs.find(
          (r) =>
            r.lexWeight === ZERO_SHOT.lexWeight &&
            r.zMin === ZERO_SHOT.zMin &&
            r.maxShare === ZERO_SHOT.maxShare &&
            r.centre === ZERO_SHOT.centre,
        ),
        zeroShot_noLexical_best: zs.find((r) => r.lexWeight === 0),
        neighbours_top5: nbs.slice(0, 5),
        blend_all: bl,
      },
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

void main();
