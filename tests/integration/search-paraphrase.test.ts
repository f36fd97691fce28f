// Hybrid search understands a description in other words (issue 13): with the bundled model, a query
// that shares no content word with a paper's text still finds it through the model's vocabulary
// neighbours, above papers that share one generic word — which the keyword-anchored fusion could not.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Api } from '@shared/api/client';
import { inProcessTransport } from '@shared/api/in-process';
import { createServices, type Services } from '../../electron/services';

// Written for this test (not from any corpus).
const PAPERS = [
  {
    title: 'An optical co-processor for neural network training',
    abstract:
      'We build hardware that performs the matrix multiplications of a neural network with photons ' +
      'in free-space optics, using lasers and lenses, at a fraction of the energy of electronic ' +
      'processors.',
  },
  {
    title: 'Normalization layers stabilise residual networks',
    abstract:
      'Batch normalization layers inside residual blocks keep activations bounded, which lets very ' +
      'deep residual networks train with larger learning rates.',
  },
  {
    title: 'Graph neural networks for link prediction',
    abstract:
      'Message passing over the neighbourhood of two nodes predicts whether an edge between them ' +
      'will appear, outperforming heuristics such as common neighbours.',
  },
  {
    title: 'Critical batch size in language model pre-training',
    abstract:
      'Beyond a critical batch size, adding data-parallel workers brings diminishing returns; we ' +
      'measure how that size grows with the amount of training data.',
  },
  {
    title: 'Sparse mixture-of-experts routing',
    abstract:
      'A router sends each token to a few experts, so parameter count grows while the computation ' +
      'per token stays fixed; balancing the load across experts matters.',
  },
  {
    title: 'Inspecting potato chips on a production line',
    abstract:
      'A camera above the conveyor belt and a small classifier reject burnt or broken potato chips ' +
      'before packaging.',
  },
  {
    title: 'Pruning filters of convolutional networks',
    abstract:
      'Removing whole filters from convolutional layers gives a smaller network that runs faster ' +
      'on ordinary hardware with little loss of accuracy.',
  },
];

let dir: string;
let services: Services;
let api: Api;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-paraphrase-'));
  services = await createServices({ libraryDir: dir, mode: 'cli' });
  api = createClient(inProcessTransport(services.dispatch));
  const r = await api.call('import:run', {
    source: {
      kind: 'text',
      name: 'papers.jsonl',
      text: PAPERS.map((p) => JSON.stringify(p)).join('\n'),
    },
  });
  expect(r.warnings).toEqual([]);
}, 120_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('hybrid search with model-vocabulary neighbours', () => {
  it('ranks the photonic paper above keyword-only matches for "computing with light instead of chips"', async () => {
    const r = await api.call('search:query', {
      query: 'computing with light instead of chips',
      mode: 'hybrid',
      k: 7,
    });
    expect(r.mode).toBe('hybrid');
    const titles = r.hits.map((h) => h.paper.title);
    // "chips" is a real keyword match (potato chips), kept first; "computing" meets "computation" in
    // the experts paper by stemming only. The optical paper shares no content word with the query.
    expect(titles.indexOf(PAPERS[0]!.title)).toBe(1);
    expect(titles.indexOf(PAPERS[0]!.title)).toBeLessThan(titles.indexOf(PAPERS[4]!.title));
  }, 60_000);

  it('keeps an exact keyword match first', async () => {
    const r = await api.call('search:query', { query: 'link prediction', mode: 'hybrid', k: 6 });
    expect(r.hits[0]!.paper.title).toBe(PAPERS[2]!.title);
  }, 60_000);
});
