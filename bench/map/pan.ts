// Map view frame time while panning a 100k-point map, in browser mode (Chromium through Playwright):
// a real `quire serve` over an empty temp library whose `map:get` answer is replaced (page.route) by
// a SYNTHETIC seeded map of N papers in 20 Gaussian blobs — computing a real 100k map is what
// bench/map/index.ts measures; this measures drawing it. The pointer drags the map for a few
// seconds while the page records requestAnimationFrame timestamps; prints JSON (p50/p95 frame ms,
// fps). Chromium runs headless with --disable-gpu (as playwright.config.ts): WebGL is
// software-rendered (SwiftShader), so the figures are a floor, not what a GPU gives. `settleMs`: from
// releasing the button until the full redraw after the gesture is done (MapScatter draws a moved
// snapshot while the gesture runs).
// Needs `npm run build` first. Run: npx tsx bench/map/pan.ts [--points 100000] [--seconds 4]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MapStatus, TopicMap } from '@shared/api/map-contract';
import { rng } from '../support/synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const POINTS = arg('points', 100_000);
const SECONDS = arg('seconds', 4);
const CLUSTERS = 20;

/** A seeded synthetic map: N points in Gaussian blobs around CLUSTERS centres, 2 % unassigned. */
function syntheticMap(n: number): MapStatus {
  const r = rng(7);
  const gauss = () => Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
  const centres = Array.from({ length: CLUSTERS }, () => ({ x: r() * 20, y: r() * 20 }));
  const points: TopicMap['points'] = {
    ids: [],
    titles: [],
    x: [],
    y: [],
    cluster: [],
    placed: [],
    tags: [],
  };
  const size = new Array<number>(CLUSTERS).fill(0);
  for (let i = 0; i < n; i++) {
    const c = r() < 0.02 ? -1 : Math.floor(r() * CLUSTERS);
    const at = c < 0 ? { x: r() * 20, y: r() * 20 } : centres[c]!;
    points.ids.push(`p${i}`);
    points.titles.push(`Synthetic paper ${i}`);
    points.x.push(+(at.x + (c < 0 ? 0 : gauss() * 0.8)).toFixed(3));
    points.y.push(+(at.y + (c < 0 ? 0 : gauss() * 0.8)).toFixed(3));
    points.cluster.push(c);
    points.placed.push(false);
    points.tags.push([]);
    if (c >= 0) size[c]!++;
  }
  const map: TopicMap = {
    modelId: 'synthetic',
    method: 'density',
    seed: 7,
    minClusterSize: null,
    k: null,
    reassignSimilarity: 0.8,
    computedAt: new Date(0).toISOString(),
    projection: 'umap',
    choice: { criterion: 'synthetic', tried: [] },
    clusters: centres.map((c, i) => ({
      id: `c${i + 1}`,
      label: `topic ${i + 1}`,
      autoLabel: `topic ${i + 1}`,
      renamed: false,
      keywords: [`topic ${i + 1}`],
      size: size[i]!,
      centralPaperIds: [],
      x: c.x,
      y: c.y,
      mergedFrom: [],
    })),
    points,
    unassigned: points.cluster.filter((c) => c < 0).length,
    unassignedBeforeReassign: 0,
  };
  return { state: 'current', activeModel: 'synthetic', stale: null, notEmbedded: 0, map };
}

/** Starts `quire serve` on a temp library and resolves with its URL. */
async function serve(library: string) {
  const child = spawn(
    process.execPath,
    ['bin/quire.mjs', 'serve', '--library', library, '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`no URL from quire serve:\n${out}`)), 60_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /Quire is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`quire serve exited with ${code}:\n${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const library = await mkdtemp(join(tmpdir(), 'quire-bench-pan-'));
const server = await serve(library);
const browser = await chromium.launch({
  executablePath: process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  const body = JSON.stringify({ ok: true, value: syntheticMap(POINTS) });
  await page.route(/\/api\/call\/map(%3A|:)get$/, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto(server.url);
  await page.getByTestId('nav-map').click();
  const t0 = Date.now();
  // Polled with evaluate: waitForFunction evaluates a string, which the app's CSP forbids.
  const shown = () =>
    page.evaluate(() => {
      const w = globalThis as unknown as { __quireMap?: { ids(): string[] } };
      return w.__quireMap?.ids().length ?? 0;
    });
  for (let i = 0; i < 3000 && (await shown()) !== POINTS; i++) await page.waitForTimeout(100);
  if ((await shown()) !== POINTS) throw new Error(`the map did not show ${POINTS} points`);
  const firstDrawMs = Date.now() - t0;
  // Let the first frames (buffers upload) settle: panning is measured, not the first draw.
  await page.waitForTimeout(2000);
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  // Record frame timestamps in the page while the pointer drags back and forth.
  // A string, not a function: tsx would add its `__name` helper, which the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const where = () =>
    page.evaluate('(() => window.__quireMap.pointPosition("p0"))()') as Promise<{
      x: number;
      y: number;
    }>;
  const before = await where();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const end = Date.now() + SECONDS * 1000;
  let step = 0;
  while (Date.now() < end) {
    const a = (step++ / 30) * Math.PI;
    await page.mouse.move(cx + Math.sin(a) * 200, cy + Math.cos(a) * 120);
  }
  await page.mouse.up();
  const upAt = Date.now();
  const frames = (await page.evaluate(
    '(() => { window.__stop = true; return window.__frames; })()',
  )) as number[];
  // After the gesture the view redraws every point once (and its hit-test layer): the time from
  // releasing the button until that redraw is done (hover and click are current again).
  const moving = () =>
    page.evaluate('(() => window.__quireMap.moving ? window.__quireMap.moving() : false)()');
  for (let i = 0; i < 600 && (await moving()); i++) await page.waitForTimeout(50);
  const settleMs = Date.now() - upAt;
  const after = await where();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const q = (p: number) =>
    +sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  const spanMs = frames.at(-1)! - frames[0]!;
  console.log(
    JSON.stringify(
      {
        bench: 'map/pan',
        points: POINTS,
        clusters: CLUSTERS,
        data: 'synthetic map:get answer (page.route), seeded Gaussian blobs',
        renderer: 'Chromium headless --disable-gpu: WebGL software-rendered (SwiftShader)',
        firstDrawMs,
        pointerMoves: step,
        // How far the drag moved a point on screen (0 would mean the map did not pan).
        pannedPx: Math.round(Math.hypot(after.x - before.x, after.y - before.y)),
        frames: gaps.length,
        frameMs: { p50: q(0.5), p95: q(0.95), max: q(1) },
        fps: +((1000 * gaps.length) / spanMs).toFixed(1),
        settleMs,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  server.stop();
  await rm(library, { recursive: true, force: true });
}
