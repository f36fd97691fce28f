// Naming map clusters with the configured LLM, through the real services: the tiny GPT-2-layout
// decoder (scripts/model/tiny-decoder.mjs) generating greedily in the onnxruntime worker — its
// expected answer recomputed here by hand from its weights — and an OpenAI-compatible server on
// 127.0.0.1 (scripted answers). Provenance, a clear error without an LLM, the user's name winning
// and both surviving a re-run, and cancel leaving the saved map byte-identical.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import type { MapStatus } from '@shared/api/map-contract';
import { NAME_MAX_TOKENS, NAME_SYSTEM, buildNamePrompt, cleanName } from '@shared/map/cluster-name';
import { mapPath } from '../../electron/services/map/map-file';
import { createServices, DEFAULT_MODEL, type Services } from '../../electron/services';
import { writeTinyDecoder, type TinyDecoder } from '../../scripts/model/tiny-decoder.mjs';
import { startFakeLlmServer, type FakeLlmServer } from '../support/fake-llm-server';
import { REPO_ROOT } from '../support/shared-data';

const DECODER = 'quire-test/tiny-decoder';
let tmp: string;
let services: Services;
let api: Api;
let decoder: TinyDecoder;
let server: FakeLlmServer;

/** The tiny decoder's greedy continuation by hand: logits = tanh(Σ_t wte[id_t] + wpe[t]) · lm_head. */
function expectedGreedy(prompt: string, maxNew: number): string {
  const { vocab, hidden, weights } = decoder;
  const index = new Map(vocab.map((w, i) => [w, i]));
  const ids = (prompt.toLowerCase().match(/\w+|[^\w\s]+/g) ?? []).map((w) => index.get(w) ?? 1);
  const out: number[] = [];
  for (let step = 0; step < maxNew; step++) {
    const h = new Array<number>(hidden).fill(0);
    ids.forEach((id, t) => {
      for (let d = 0; d < hidden; d++)
        h[d]! += weights.wte[id * hidden + d]! + weights.wpe[t * hidden + d]!;
    });
    const act = h.map(Math.tanh);
    let best = 0;
    let bestLogit = -Infinity;
    for (let v = 0; v < vocab.length; v++) {
      const l = act.reduce((s, a, d) => s + a * weights.lmHead[d * vocab.length + v]!, 0);
      if (l > bestLogit) [best, bestLogit] = [v, l];
    }
    if (best === 0) break; // end of text
    ids.push(best);
    out.push(best);
  }
  return out
    .filter((id) => id > 1)
    .map((id) => vocab[id]!)
    .join(' ');
}

const mapOf = (st: MapStatus) => st.map!;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-map-llm-'));
  const bundled = join(tmp, 'bundled');
  await mkdir(bundled, { recursive: true });
  await cp(join(REPO_ROOT, 'resources', 'models', DEFAULT_MODEL), join(bundled, DEFAULT_MODEL), {
    recursive: true,
  });
  decoder = await writeTinyDecoder(join(bundled, ...DECODER.split('/')));
  server = await startFakeLlmServer();
  services = await createServices({
    libraryDir: join(tmp, 'lib'),
    mode: 'cli',
    bundledModelsDir: bundled,
  });
  api = createClient(inProcessTransport(services.dispatch));
  const lines = Array.from({ length: 16 }, (_, i) =>
    JSON.stringify({
      title:
        i % 2
          ? `Protein folding with diffusion models ${i}`
          : `Graph neural networks on molecules ${i}`,
      abstract:
        i % 2
          ? 'protein structure folding energy diffusion'
          : 'graph message passing on molecule nodes',
    }),
  );
  await api.call('import:run', {
    source: { kind: 'text', name: 'papers.jsonl', text: lines.join('\n') },
  });
  await api.call('map:compute', { method: 'kmeans', k: 2, seed: 5 });
}, 300_000);
afterAll(async () => {
  await services?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('map:nameClusters', () => {
  it('says clearly that no LLM is configured, and changes nothing', async () => {
    const before = await readFile(mapPath(join(tmp, 'lib'), DEFAULT_MODEL), 'utf8');
    await expect(api.call('map:nameClusters', {})).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^No LLM is configured: .*quire llm set/),
    });
    expect(await readFile(mapPath(join(tmp, 'lib'), DEFAULT_MODEL), 'utf8')).toBe(before);
  });

  it(
    'names every cluster with the local decoder, from its key phrases and central titles, with provenance',
    { timeout: 300_000 },
    async () => {
      await api.call('llm:set', { provider: 'transformers', localModel: DECODER });
      const before = mapOf(await api.call('map:get', {}));
      const phases: string[] = [];
      const st = await api.call(
        'map:nameClusters',
        {},
        {
          onProgress: (p) => phases.push(`${p.done}/${p.total}`),
        },
      );
      expect(phases.at(-1)).toBe('2/2');
      const map = mapOf(st);
      expect(map.clusters).toHaveLength(2);
      for (const c of map.clusters) {
        const titles = before.clusters
          .find((b) => b.id === c.id)!
          .centralPaperIds.map((id) => map.points.titles[map.points.ids.indexOf(id)]!);
        const prompt = `${NAME_SYSTEM}\n\n${buildNamePrompt({ keywords: c.keywords, titles })}`;
        const expected = cleanName(expectedGreedy(prompt, NAME_MAX_TOKENS));
        expect(expected).not.toBeNull();
        expect(c.llmName).toMatchObject({
          name: expected,
          model: `transformers:${DECODER}`,
          keywords: c.keywords,
          titles,
        });
        expect(Date.parse(c.llmName!.at)).not.toBeNaN();
        expect(c.label).toBe(expected);
        expect(c.renamed).toBe(false);
        expect(c.autoLabel).toBe(before.clusters.find((b) => b.id === c.id)!.autoLabel);
      }
    },
  );

  it(
    "keeps the user's name over the LLM's, and both survive a re-run",
    { timeout: 300_000 },
    async () => {
      await api.call('llm:set', {
        provider: 'openai-compatible',
        baseUrl: server.url,
        model: 'tiny-chat',
      });
      const [first, second] = mapOf(await api.call('map:get', {})).clusters;
      await api.call('map:renameCluster', { clusterId: first!.id, label: 'My molecules' });
      server.scriptChat({ content: '  "Protein Folding Models."\nBecause the titles say so.' });
      const requestsBefore = server.requests.length;
      const st = await api.call('map:nameClusters', {});
      // The renamed cluster was not asked about: one request, for the other cluster.
      const chats = server.requests
        .slice(requestsBefore)
        .filter((r) => r.path === '/v1/chat/completions');
      expect(chats).toHaveLength(1);
      const body = chats[0]!.body as { messages: { role: string; content: string }[] };
      expect(body.messages[0]).toEqual({ role: 'system', content: NAME_SYSTEM });
      expect(body.messages[1]!.content).toContain(`Key phrases: ${second!.keywords.join(', ')}`);
      const named = mapOf(st).clusters;
      expect(named.find((c) => c.id === second!.id)).toMatchObject({
        label: 'Protein Folding Models',
        llmName: {
          name: 'Protein Folding Models',
          model: `tiny-chat @ ${new URL(server.url).host}`,
        },
      });
      const renamed = named.find((c) => c.id === first!.id)!;
      expect(renamed).toMatchObject({ label: 'My molecules', renamed: true });
      // The decoder's earlier proposal is still there, shown under the user's name.
      expect(renamed.llmName?.model).toBe(`transformers:${DECODER}`);

      const again = mapOf(await api.call('map:compute', { method: 'kmeans', k: 2, seed: 5 }));
      expect(again.clusters.map((c) => [c.id, c.label])).toEqual(named.map((c) => [c.id, c.label]));
      expect(again.clusters.map((c) => c.llmName)).toEqual(named.map((c) => c.llmName));
    },
  );

  it(
    'cancel before the answer leaves the saved map byte-identical',
    { timeout: 120_000 },
    async () => {
      const file = mapPath(join(tmp, 'lib'), DEFAULT_MODEL);
      const before = await readFile(file, 'utf8');
      server.scriptChat({ endless: true });
      const chats = () => server.requests.filter((r) => r.path === '/v1/chat/completions').length;
      const sent = chats();
      const ac = new AbortController();
      const call = api.call('map:nameClusters', {}, { signal: ac.signal });
      // Abort once the server has the request (bounded wait).
      for (let i = 0; i < 600 && chats() === sent; i++) await new Promise((r) => setTimeout(r, 50));
      expect(chats()).toBe(sent + 1);
      ac.abort();
      await expect(call).rejects.toMatchObject({ code: 'cancelled' });
      expect(await readFile(file, 'utf8')).toBe(before);
    },
  );

  it('names only the clusters asked for, and refuses an unknown one', async () => {
    await expect(api.call('map:nameClusters', { clusterIds: ['c999'] })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('c999'),
    });
  });
});
