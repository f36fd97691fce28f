// Topic map end to end on real services (LanceDB on disk, the bundled model in its worker, the map
// worker thread): degenerate libraries, the sample feed (determinism, papers added since, renames and
// merges surviving a re-run, labels free of stop/generic words), cancel mid-run, and a model switch.
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { QuireError } from '@shared/api/errors';
import { inProcessTransport } from '@shared/api/in-process';
import type { MapStatus } from '@shared/api/map-contract';
import { GENERIC_WORDS, STOP_WORDS, isWeakWord } from '@shared/map/stopwords';
import { mapPath } from '../../electron/services/map/map-file';
import { createServices, DEFAULT_MODEL, type Services } from '../../electron/services';
import { startFakeHub, type FakeHub } from '../support/fake-hub';
import { FEED_PATH, HAS_FEED, NO_SHARED } from '../support/shared-data';
import { writeTinyModel } from '../support/tiny-model';

type Draft = { title: string; abstract?: string };

let tmp: string;
const open: Services[] = [];

async function library(name: string, papers: Draft[], hubUrl?: string) {
  const services = await createServices({ libraryDir: join(tmp, name), mode: 'cli', hubUrl });
  open.push(services);
  const api = createClient(inProcessTransport(services.dispatch));
  if (papers.length) await add(api, papers);
  return { services, api };
}

async function add(api: Api, papers: Draft[]): Promise<void> {
  const text = papers.map((p) => JSON.stringify(p)).join('\n');
  const r = await api.call('import:run', { source: { kind: 'text', name: 'p.jsonl', text } });
  expect(r.warnings).toEqual([]);
}

/** The feed's papers (title + abstract), read at run time: nothing of it is copied into the repo. */
async function feed(): Promise<Draft[]> {
  const lines = (await readFile(FEED_PATH, 'utf8'))
    .split(/\r?\n/)
    .slice(2)
    .filter((l) => l.trim());
  const out: Draft[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2)
    out.push({ title: lines[i]!.replace(/^Subscribe/, ''), abstract: lines[i + 1]! });
  return out;
}

/** paper id → cluster id (null when unassigned). */
function byPaper(st: MapStatus): Map<string, string | null> {
  const m = st.map!;
  return new Map(
    m.points.ids.map((id, i) => [
      id,
      m.points.cluster[i]! >= 0 ? m.clusters[m.points.cluster[i]!]!.id : null,
    ]),
  );
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-map-'));
});
afterAll(async () => {
  for (const s of open) await s.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('topic map: degenerate libraries', () => {
  it(
    'an empty library has no map until computed, then an empty current one',
    { timeout: 120_000 },
    async () => {
      const { api } = await library('empty', []);
      expect(await api.call('map:get', {})).toMatchObject({
        state: 'none',
        map: null,
        stale: null,
      });
      const st = await api.call('map:compute', {});
      expect(st.state).toBe('current');
      expect(st.map!.clusters).toEqual([]);
      expect(st.map!.points.ids).toEqual([]);
      await expect(
        api.call('map:renameCluster', { clusterId: 'c1', label: 'x' }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
    },
  );

  it(
    '1, 2 and 5 papers, with and without abstracts, make one cluster',
    { timeout: 180_000 },
    async () => {
      const papers: Draft[] = [
        {
          title: 'Protein folding with deep networks',
          abstract: 'Protein structure prediction from amino acid sequences.',
        },
        { title: 'Protein structure and amino acid contacts' },
        {
          title: 'Galaxy formation in dark matter halos',
          abstract: 'Cosmological simulations of galaxy formation.',
        },
        { title: 'Dark matter halos and galaxies' },
        { title: 'Amino acid sequences and protein folding' },
      ];
      for (const n of [1, 2, 5]) {
        const { api } = await library(`n${n}`, papers.slice(0, n));
        const st = await api.call('map:compute', { seed: 1 });
        expect(st.state).toBe('current');
        const m = st.map!;
        expect(m.points.ids).toHaveLength(n);
        expect(m.clusters).toHaveLength(1);
        expect(m.clusters[0]!.size).toBe(n);
        expect(m.points.x.concat(m.points.y).every(Number.isFinite)).toBe(true);
        expect(m.unassigned).toBe(0);
      }
    },
  );

  it(
    'identical papers (identical vectors) give one cluster at finite positions',
    { timeout: 120_000 },
    async () => {
      const same = Array.from({ length: 30 }, (_, i) => ({
        title: `Graph neural networks for molecules qqzx${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}vv`,
        abstract: 'Graph neural networks predict molecular properties.',
      }));
      // Titles differ only in a made-up word (unknown to the model) → the same vector for all.
      const { api } = await library('same', same);
      const m = (await api.call('map:compute', {})).map!;
      expect(m.points.ids).toHaveLength(30);
      expect(m.clusters).toHaveLength(1);
      expect(m.points.x.concat(m.points.y).every(Number.isFinite)).toBe(true);
    },
  );
});

describe('topic map: concurrency and damaged files', () => {
  it('refuses a second computation while one runs', { timeout: 120_000 }, async () => {
    const papers = Array.from({ length: 24 }, (_, i) => ({
      title: `${['protein folding', 'galaxy formation', 'speech recognition'][i % 3]} paper ${i}`,
      abstract: `${['amino acid structure', 'dark matter halo', 'acoustic phoneme'][i % 3]} and more`,
    }));
    const { api } = await library('busy', papers);
    const first = api.call('map:compute', {});
    const second = await api.call('map:compute', {}).then(
      () => null,
      (e: QuireError) => e,
    );
    expect(second?.code).toBe('unavailable');
    expect(second?.message).toMatch(/already being computed/);
    expect((await first).state).toBe('current');
  });

  it(
    'a damaged map file is reported, and computing again replaces it',
    { timeout: 120_000 },
    async () => {
      const { api } = await library('damaged', [
        { title: 'Protein folding', abstract: 'Amino acids.' },
      ]);
      await api.call('map:compute', {});
      await writeFile(mapPath(join(tmp, 'damaged'), DEFAULT_MODEL), '{"version": 1, "ids": [');
      const err = await api.call('map:get', {}).then(
        () => null,
        (e: QuireError) => e,
      );
      expect(err?.code).toBe('invalid_file');
      expect(err?.message).toMatch(/saved map of quire-glove-100d is damaged/);
      expect((await api.call('map:compute', {})).state).toBe('current');
      expect((await api.call('map:get', {})).map!.points.ids).toHaveLength(1);
    },
  );
});

describe.skipIf(!HAS_FEED)('topic map on the sample feed', () => {
  let api: Api;
  let all: Draft[];
  let first: MapStatus;
  beforeAll(async () => {
    all = await feed();
    ({ api } = await library('feed', all.slice(0, all.length - 5)));
    first = await api.call('map:compute', { seed: 42 });
  }, 300_000);

  it('labels 2–4 key phrases per cluster, none a stop word or generic word; ≤ 20 % unassigned', () => {
    const m = first.map!;
    expect(m.clusters.length).toBeGreaterThanOrEqual(3);
    expect(m.unassigned / m.points.ids.length).toBeLessThanOrEqual(0.2);
    for (const c of m.clusters) {
      expect(c.keywords.length).toBeGreaterThanOrEqual(2);
      expect(c.keywords.length).toBeLessThanOrEqual(4);
      expect(c.centralPaperIds).toHaveLength(Math.min(3, c.size));
      for (const k of c.keywords) {
        const words = k.split(/[\s-]+/);
        for (const w of words) {
          expect(STOP_WORDS.has(w), `${k} in ${c.label}`).toBe(false);
          expect(GENERIC_WORDS.has(w), `${k} in ${c.label}`).toBe(false);
        }
        expect(words.every(isWeakWord), `${k} is only weak words`).toBe(false);
      }
    }
  });

  it(
    'is the same map in another library of the same papers, whatever their ids',
    { timeout: 300_000 },
    async () => {
      // Paper ids are random per library; the map must depend on the papers, not on their ids.
      const other = await library('feed-again', [...all.slice(0, all.length - 5)].reverse());
      const again = await other.api.call('map:compute', { seed: 42 });
      const titleOf = (st: MapStatus, api: Api) => async () => {
        const out = new Map<string, string>();
        for (const [id, cl] of byPaper(st))
          out.set((await api.call('library:get', { id })).title, cl ?? 'unassigned');
        return out;
      };
      const a = await titleOf(first, api)();
      const b = await titleOf(again, other.api)();
      // Same partition of titles (cluster ids are per library, so compare co-membership).
      const groups = (m: Map<string, string>) =>
        [...new Set(m.values())]
          .map((c) =>
            [...m]
              .filter(([, x]) => x === c)
              .map(([t]) => t)
              .sort()
              .join('|'),
          )
          .sort();
      expect(groups(b)).toEqual(groups(a));
    },
  );

  it('is the same map for the same seed', { timeout: 300_000 }, async () => {
    const again = await api.call('map:compute', { seed: 42 });
    expect(byPaper(again)).toEqual(byPaper(first));
    expect(again.map!.points.x).toEqual(first.map!.points.x);
    expect(again.map!.clusters.map((c) => c.keywords)).toEqual(
      first.map!.clusters.map((c) => c.keywords),
    );
  });

  it(
    'places papers added since, says the map is stale, and keeps ids, names and merges on a re-run',
    { timeout: 300_000 },
    async () => {
      const m = first.map!;
      const [a, b, c] = m.clusters;
      await api.call('map:renameCluster', { clusterId: a!.id, label: 'My topic' });
      const merged = await api.call('map:mergeClusters', { into: b!.id, from: [c!.id] });
      const mb = merged.map!.clusters.find((x) => x.id === b!.id)!;
      expect(mb.size).toBe(b!.size + c!.size);
      expect(mb.mergedFrom).toEqual([c!.id]);
      expect(merged.map!.clusters.some((x) => x.id === c!.id)).toBe(false);
      const before = byPaper(merged);

      await add(api, all.slice(all.length - 5));
      const stale = await api.call('map:get', {});
      expect(stale.state).toBe('stale');
      expect(stale.stale).toEqual({ otherModel: null, papersAdded: 5, papersRemoved: 0 });
      const placed = stale.map!.points.placed.filter(Boolean).length;
      expect(placed).toBe(5);
      expect(stale.map!.points.x.every(Number.isFinite)).toBe(true);

      const rerun = await api.call('map:compute', { seed: 42 });
      expect(rerun.state).toBe('current');
      const after = byPaper(rerun);
      let same = 0;
      for (const [id, cl] of before) if (after.get(id) === cl) same++;
      // Most papers keep their cluster id across the re-run with 5 more papers.
      expect(same / before.size).toBeGreaterThanOrEqual(0.7);
      const renamed = rerun.map!.clusters.find((x) => x.id === a!.id);
      expect(renamed?.label).toBe('My topic');
      expect(renamed?.renamed).toBe(true);
      const remerged = rerun.map!.clusters.find((x) => x.id === b!.id);
      expect(remerged?.mergedFrom).toEqual([c!.id]);
      expect(rerun.map!.clusters.some((x) => x.id === c!.id)).toBe(false);
    },
  );

  it('cancelling mid-run leaves the saved map as it was', { timeout: 300_000 }, async () => {
    const file = mapPath(join(tmp, 'feed'), DEFAULT_MODEL);
    const saved = await readFile(file, 'utf8');
    const ctrl = new AbortController();
    const phases: string[] = [];
    const run = api.call(
      'map:compute',
      { seed: 99 },
      {
        signal: ctrl.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'project') ctrl.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(phases).toContain('project');
    expect(await readFile(file, 'utf8')).toBe(saved);
    const st = await api.call('map:get', {});
    expect(st.state).toBe('current');
    expect(st.map!.seed).toBe(42);
    // And the next computation runs normally.
    expect((await api.call('map:compute', { seed: 42 })).state).toBe('current');
  });
});

describe('topic map and a model switch', () => {
  let hub: FakeHub;
  afterAll(async () => hub?.close());

  it(
    'after switching models the old map is not shown as current',
    { timeout: 300_000 },
    async () => {
      const model = await writeTinyModel(join(tmp, 'hub-model'), {
        dims: 8,
        words: ['graph', 'protein', 'galaxy'],
      });
      hub = await startFakeHub({ 'quire-test/tiny': model.dir });
      const papers = Array.from({ length: 20 }, (_, i) => ({
        title: `${['graph', 'protein', 'galaxy'][i % 3]} study ${i}`,
        abstract: `${['graph', 'protein', 'galaxy'][i % 3]} things`,
      }));
      const { api } = await library('switch', papers, hub.url);
      expect((await api.call('map:compute', {})).state).toBe('current');
      await api.call('models:download', { id: 'quire-test/tiny' });
      await api.call('models:use', { id: 'quire-test/tiny' });
      const st = await api.call('map:get', {});
      expect(st).toMatchObject({
        state: 'stale',
        activeModel: 'quire-test/tiny',
        map: null,
        stale: { otherModel: DEFAULT_MODEL },
      });
      await expect(
        api.call('map:mergeClusters', { into: 'c1', from: ['c2'] }),
      ).rejects.toBeInstanceOf(QuireError);
      const fresh = await api.call('map:compute', {});
      expect(fresh.state).toBe('current');
      expect(fresh.map!.modelId).toBe('quire-test/tiny');
    },
  );
});

void NO_SHARED;
