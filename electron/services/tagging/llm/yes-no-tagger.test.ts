// The transformers.js LLM provider through the real pipeline: a tiny GPT-2-layout decoder built by
// scripts/model/tiny-decoder.mjs (random weights), found by the real model manager, loaded by
// AutoModelForCausalLM on onnxruntime-node in the embedding worker, scored by P(" yes") vs P(" no").
// The expected probabilities are recomputed here by hand from the decoder's weights, so the test
// fails if tokenisation, the forward pass or the read-out of the last position's logits is wrong.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '@shared/api/contract';
import { DEFAULT_LLM_SETTINGS } from './llm-settings';
import { ModelStore } from '../../models/model-store';
import { writeTinyDecoder, type TinyDecoder } from '../../../../scripts/model/tiny-decoder.mjs';
import { writeTinyModel } from '../../../../tests/support/tiny-model';
import type { TaggerPaper, TaggerTag } from '../tagger';
import { createLlmTagger } from './index';
import { YES_THRESHOLD, yesNoPrompt } from './yes-no-tagger';

const ID = 'quire-test/tiny-decoder';

let tmp: string;
let decoder: TinyDecoder;
let models: ModelStore;

const VOCAB: TaggerTag[] = [
  { name: 'graph', description: 'graph neural networks on nodes' },
  { name: 'protein', description: 'protein structure and folding' },
  { name: 'reinforcement', description: '' },
];
const PAPERS: TaggerPaper[] = [
  {
    id: 'p1',
    title: 'Graph neural networks',
    abstract: 'We study message passing on graphs.',
    tags: [],
  },
  { id: 'p2', title: 'Protein folding with diffusion', abstract: '', tags: [] },
  {
    id: 'p3',
    title: 'A reinforcement learning agent',
    abstract: 'Policy and reward.',
    tags: ['graph'],
  },
];

/** The decoder's forward pass by hand: tanh(Σ_t wte[id_t] + wpe[t]) · lm_head at the last position. */
function expectedPYes(text: string): number {
  const { vocab, hidden, weights } = decoder;
  const index = new Map(vocab.map((w, i) => [w, i]));
  const ids = (text.toLowerCase().match(/\w+|[^\w\s]+/g) ?? []).map((w) => index.get(w) ?? 1);
  const h = new Array<number>(hidden).fill(0);
  ids.forEach((id, t) => {
    for (let d = 0; d < hidden; d++)
      h[d]! += weights.wte[id * hidden + d]! + weights.wpe[t * hidden + d]!;
  });
  const act = h.map(Math.tanh);
  const logit = (tok: string) => {
    const v = index.get(tok)!;
    return act.reduce((s, a, d) => s + a * weights.lmHead[d * vocab.length + v]!, 0);
  };
  return 1 / (1 + Math.exp(logit('no') - logit('yes')));
}

const ctx = (): CallContext => ({ signal: new AbortController().signal, onProgress: () => {} });

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quire-yesno-'));
  decoder = await writeTinyDecoder(join(tmp, 'bundled', ...ID.split('/')));
  await writeTinyModel(join(tmp, 'bundled', 'quire-test', 'not-a-decoder'));
  models = new ModelStore({
    bundledRoot: join(tmp, 'bundled'),
    downloadRoot: join(tmp, 'downloads'),
    hubUrl: 'http://127.0.0.1:9',
  });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('transformers.js yes/no tagger', () => {
  it(
    'scores every candidate with the real decoder and proposes those leaning yes',
    { timeout: 120_000 },
    async () => {
      const tagger = createLlmTagger(
        { ...DEFAULT_LLM_SETTINGS, provider: 'transformers', localModel: ID },
        { locateModel: (id) => models.locate(id) },
      );
      const out = await tagger!.run({ papers: PAPERS, vocabulary: VOCAB, decisions: [] }, ctx());
      expect(out.model).toBe(`transformers:${ID}`);
      expect(out.notTagged).toEqual([]);

      const expected = PAPERS.flatMap((p) =>
        VOCAB.filter((t) => !p.tags.includes(t.name)).map((t) => ({
          paperId: p.id,
          tag: t.name,
          p: expectedPYes(yesNoPrompt(p, t)),
        })),
      );
      // Random weights must still give both outcomes, or the threshold would go untested.
      expect(expected.some((e) => e.p >= YES_THRESHOLD)).toBe(true);
      expect(expected.some((e) => e.p < YES_THRESHOLD)).toBe(true);
      const want = expected.filter((e) => e.p >= YES_THRESHOLD);
      expect(out.proposals.map((p) => [p.paperId, p.tag])).toEqual(
        want.map((e) => [e.paperId, e.tag]),
      );
      out.proposals.forEach((p, i) => {
        expect(p.score).toBeCloseTo(want[i]!.p, 4);
        expect(p.evidence.reason).toMatch(
          new RegExp(`answers yes to "Is this paper about ${p.tag}\\?" with P = 0\\.\\d\\d`),
        );
      });
    },
  );

  it(
    'says clearly when the model is not a text-generation model',
    { timeout: 120_000 },
    async () => {
      const tagger = createLlmTagger(
        {
          ...DEFAULT_LLM_SETTINGS,
          provider: 'transformers',
          localModel: 'quire-test/not-a-decoder',
        },
        { locateModel: (id) => models.locate(id) },
      );
      await expect(
        tagger!.run({ papers: PAPERS, vocabulary: VOCAB, decisions: [] }, ctx()),
      ).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(
          /Cannot load the text-generation model quire-test\/not-a-decoder/,
        ),
      });
    },
  );

  it('says clearly when the model is not installed', async () => {
    const tagger = createLlmTagger(
      { ...DEFAULT_LLM_SETTINGS, provider: 'transformers', localModel: 'quire-test/absent' },
      { locateModel: (id) => models.locate(id) },
    );
    await expect(
      tagger!.run({ papers: PAPERS, vocabulary: VOCAB, decisions: [] }, ctx()),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/not installed/) });
  });
});
