// The OpenAI-compatible LLM tagger against a real HTTP server on 127.0.0.1 with scripted replies:
// valid JSON, code fences, foreign tags, malformed JSON, an unsupported response_format, an endless
// body, a flood of bytes, HTTP 500 and a server that is down.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext, Progress } from '@shared/api/contract';
import type { LlmSettings } from '@shared/api/tagging-contract';
import {
  closedPortUrl,
  startFakeLlmServer,
  type FakeLlmServer,
} from '../../../../tests/support/fake-llm-server';
import type { TaggerInput, TaggerPaper, TaggerTag } from '../tagger';
import { createLlmTagger, type LlmTaggerDeps } from './index';
import { DEFAULT_LLM_SETTINGS } from './llm-settings';

const VOCAB: TaggerTag[] = [
  {
    name: 'graph-neural-networks',
    description: 'Neural networks that learn on graph-structured data.',
  },
  { name: 'reinforcement-learning', description: 'Agents learning from rewards.' },
  { name: 'protein-folding', description: '' },
];

const PAPERS: TaggerPaper[] = [
  {
    id: 'p1',
    title: 'Graph neural networks for molecules',
    abstract: 'We apply graph neural networks to predict molecular properties.',
    tags: [],
  },
  {
    id: 'p2',
    title: 'Exploration in reinforcement learning',
    abstract: 'A reinforcement learning agent explores with curiosity.',
    tags: [],
  },
  { id: 'p3', title: 'A survey of everything', abstract: '', tags: [] },
];

function ctx(signal = new AbortController().signal): CallContext & { progress: Progress[] } {
  const progress: Progress[] = [];
  return { signal, onProgress: (p) => progress.push(p), progress };
}

function input(over: Partial<TaggerInput> = {}): TaggerInput {
  return { papers: PAPERS, vocabulary: VOCAB, decisions: [], ...over };
}

let server: FakeLlmServer;

function tagger(settings: Partial<LlmSettings> = {}, deps: LlmTaggerDeps = {}) {
  const t = createLlmTagger(
    {
      ...DEFAULT_LLM_SETTINGS,
      baseUrl: server.url,
      model: 'tiny-chat',
      timeoutSeconds: 1,
      ...settings,
    },
    deps,
  );
  if (!t) throw new Error('expected a tagger');
  return t;
}

const chats = () => server.requests.filter((r) => r.path === '/v1/chat/completions');
type ChatBody = {
  temperature?: number;
  response_format?: { type: string; json_schema?: { schema: unknown } };
  messages: { role: string; content: string }[];
};

beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.options.jsonSchema = true;
  server.options.jsonObject = true;
});

describe('createLlmTagger', () => {
  it('is null until a server and a model are set', () => {
    expect(createLlmTagger(DEFAULT_LLM_SETTINGS)).toBeNull();
    expect(
      createLlmTagger({ ...DEFAULT_LLM_SETTINGS, baseUrl: 'http://127.0.0.1:1/v1' }),
    ).toBeNull();
    expect(createLlmTagger({ ...DEFAULT_LLM_SETTINGS, provider: 'transformers' })).toBeNull();
  });

  it('refuses a server off this machine unless allowed, without sending anything', async () => {
    let calls = 0;
    const counting: typeof fetch = (...a) => {
      calls++;
      return fetch(...a);
    };
    const t = tagger(
      { baseUrl: 'http://192.0.2.7:11434/v1', allowRemote: false },
      { fetch: counting },
    );
    await expect(t.run(input(), ctx())).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not on this machine.*--allow-remote/s),
    });
    expect(calls).toBe(0);
  });
});

describe('OpenAI-compatible tagger', () => {
  it('tags from valid JSON-schema answers: enum of the candidates, temperature 0, the reason as evidence', async () => {
    const c = ctx();
    const out = await tagger().run(input(), c);
    expect(out.model).toBe('openai-compatible:tiny-chat');
    expect(out.proposals.map((p) => [p.paperId, p.tag])).toEqual([
      ['p1', 'graph-neural-networks'],
      ['p2', 'reinforcement-learning'],
    ]);
    expect(out.proposals[0]!.evidence.reason).toMatch(/mentions graph neural networks/);
    expect(out.notTagged).toEqual([]);
    expect(out.warnings).toEqual([]);
    const body = chats()[0]!.body as ChatBody;
    expect(body.temperature).toBe(0);
    expect(body.response_format?.type).toBe('json_schema');
    expect(JSON.stringify(body.response_format?.json_schema?.schema)).toContain(
      JSON.stringify(VOCAB.map((t) => t.name)),
    );
    expect(c.progress.at(-1)).toEqual({ phase: 'llm', done: 3, total: 3 });
  });

  it('accepts JSON inside a ``` code fence', async () => {
    server.scriptChat({
      content:
        'Here you go:\n```json\n{"tags": [{"tag": "protein-folding", "reason": "About folding."}]}\n```',
    });
    const out = await tagger().run(input({ papers: [PAPERS[2]!] }), ctx());
    expect(out.proposals).toEqual([
      { paperId: 'p3', tag: 'protein-folding', score: 1, evidence: { reason: 'About folding.' } },
    ]);
  });

  it('drops tags outside the vocabulary and reports them', async () => {
    server.scriptChat({
      content: JSON.stringify({
        tags: [
          { tag: 'Graph-Neural-Networks', reason: 'GNNs.' },
          { tag: 'quantum-baking', reason: 'made up' },
        ],
      }),
    });
    const out = await tagger().run(input({ papers: [PAPERS[0]!] }), ctx());
    expect(out.proposals.map((p) => p.tag)).toEqual(['graph-neural-networks']);
    expect(out.warnings.join(' ')).toMatch(/outside the vocabulary.*quantum-baking/);
    expect(out.notTagged).toEqual([]);
  });

  it('retries a malformed answer once with a stricter prompt, then reports the paper as not tagged', async () => {
    server.scriptChat({ content: '{"tags": [oops' }, { content: 'I think it is about graphs.' });
    const out = await tagger().run(input({ papers: [PAPERS[0]!] }), ctx());
    expect(out.proposals).toEqual([]);
    expect(out.notTagged).toEqual([
      {
        paperId: 'p1',
        reason: expect.stringMatching(/stayed invalid.*not JSON.*nothing was written/),
      },
    ]);
    expect(chats()).toHaveLength(2);
    const retry = (chats()[1]!.body as ChatBody).messages;
    expect(retry.at(-1)!.content).toMatch(/not valid: it is not JSON.*ONLY a JSON object/);
  });

  it('uses the retry when it is valid', async () => {
    server.scriptChat({ content: '{"labels": []}' });
    const out = await tagger().run(input({ papers: [PAPERS[0]!] }), ctx());
    expect(out.proposals.map((p) => p.tag)).toEqual(['graph-neural-networks']);
    expect(out.notTagged).toEqual([]);
  });

  it('falls back to JSON mode when the server answers 400 to json_schema, once per run', async () => {
    server.options.jsonSchema = false;
    const out = await tagger().run(input(), ctx());
    expect(out.proposals.map((p) => p.tag)).toEqual([
      'graph-neural-networks',
      'reinforcement-learning',
    ]);
    expect(chats().map((r) => (r.body as ChatBody).response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
      'json_object',
    ]);
    expect(out.warnings.join(' ')).toMatch(/does not support JSON-schema output.*JSON mode/);
  });

  it('falls back to a plain JSON prompt when JSON mode is refused too', async () => {
    server.options.jsonSchema = false;
    server.options.jsonObject = false;
    const out = await tagger().run(input({ papers: [PAPERS[1]!] }), ctx());
    expect(out.proposals.map((p) => p.tag)).toEqual(['reinforcement-learning']);
    expect(chats().map((r) => (r.body as ChatBody).response_format?.type ?? 'plain')).toEqual([
      'json_schema',
      'json_object',
      'plain',
    ]);
    expect(out.warnings.join(' ')).toMatch(/neither JSON-schema nor JSON mode/);
  });

  it('gives up on a reply that never ends (timeout) and goes on with the next paper', async () => {
    server.scriptChat({ endless: true });
    const out = await tagger({ timeoutSeconds: 1 }).run(
      input({ papers: PAPERS.slice(0, 2) }),
      ctx(),
    );
    expect(out.notTagged).toEqual([
      { paperId: 'p1', reason: expect.stringMatching(/no complete answer within 1 s/) },
    ]);
    expect(out.proposals.map((p) => [p.paperId, p.tag])).toEqual([
      ['p2', 'reinforcement-learning'],
    ]);
  });

  it('abandons a body past the byte cap', async () => {
    server.scriptChat({ flood: 8 * 1024 * 1024 });
    const out = await tagger({ timeoutSeconds: 60 }, { maxResponseBytes: 64 * 1024 }).run(
      input({ papers: [PAPERS[0]!] }),
      ctx(),
    );
    expect(out.notTagged).toEqual([
      { paperId: 'p1', reason: expect.stringMatching(/more than 64 KB in one answer/) },
    ]);
  });

  it('reports HTTP 500 with the server message, and stops after three papers in a row fail', async () => {
    const oom = { status: 500, body: '{"error":{"message":"CUDA out of memory"}}' };
    server.scriptChat(oom);
    const one = await tagger().run(input({ papers: PAPERS.slice(0, 2) }), ctx());
    expect(one.notTagged).toEqual([
      { paperId: 'p1', reason: expect.stringMatching(/HTTP 500 .*CUDA out of memory/) },
    ]);
    expect(one.proposals.map((p) => p.paperId)).toEqual(['p2']);

    server.requests.length = 0;
    server.scriptChat(oom, oom, oom);
    const four = [
      ...PAPERS,
      { id: 'p4', title: 'Graph neural networks again', abstract: '', tags: [] },
    ];
    const out = await tagger().run(input({ papers: four }), ctx());
    expect(out.notTagged.map((n) => n.paperId)).toEqual(['p1', 'p2', 'p3']);
    expect(out.warnings.join(' ')).toMatch(/3 papers in a row failed.*Stopped after 3 of 4 papers/);
    expect(chats()).toHaveLength(3);
  });

  it('stops with one clear message when the server is down, not one per paper', async () => {
    const url = await closedPortUrl();
    const out = await tagger({ baseUrl: url }).run(input(), ctx());
    expect(out.proposals).toEqual([]);
    expect(out.notTagged).toEqual([]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(
      /Cannot reach the LLM server at .*connection refused.*Stopped after 0 of 3/,
    );
  });

  it('stops at once on an unknown model (HTTP 404), which every paper would hit', async () => {
    const out = await tagger({ model: 'no-such-model' }).run(input(), ctx());
    expect(chats()).toHaveLength(1);
    expect(out.warnings).toEqual([
      expect.stringMatching(/HTTP 404.*no-such-model.*Stopped after 0 of 3/),
    ]);
  });

  it('reports a paper the server refuses for its own reason (HTTP 400, context length) and goes on', async () => {
    server.scriptChat({
      status: 400,
      body: '{"error":{"message":"the request exceeds the available context size (2048 tokens)"}}',
    });
    const out = await tagger().run(input({ papers: PAPERS.slice(0, 2) }), ctx());
    expect(out.notTagged).toEqual([
      { paperId: 'p1', reason: expect.stringMatching(/HTTP 400 .*context size/) },
    ]);
    expect(out.proposals.map((p) => p.paperId)).toEqual(['p2']);
    // still asking with the JSON schema: the 400 was not about the format
    expect(chats().map((r) => (r.body as ChatBody).response_format?.type)).toEqual([
      'json_schema',
      'json_schema',
    ]);
  });

  it('asks only about short-listed tags the paper does not have and the user did not reject', async () => {
    const out = await tagger().run(
      input({
        papers: [{ ...PAPERS[0]!, tags: ['protein-folding'] }, PAPERS[1]!],
        decisions: [{ paperId: 'p2', tag: 'reinforcement-learning', decision: 'rejected' }],
        shortlist: new Map([
          ['p1', ['graph-neural-networks', 'protein-folding', 'not-in-vocabulary']],
          ['p2', ['reinforcement-learning']],
        ]),
      }),
      ctx(),
    );
    // p2's only candidate was rejected: it is not asked at all.
    expect(chats()).toHaveLength(1);
    const schema = JSON.stringify(
      (chats()[0]!.body as ChatBody).response_format?.json_schema?.schema,
    );
    expect(schema).toContain('"enum":["graph-neural-networks"]');
    expect(out.proposals.map((p) => p.tag)).toEqual(['graph-neural-networks']);
  });

  it('says so, and asks nothing, when the vocabulary is empty or too large without a short-list', async () => {
    const empty = await tagger().run(input({ vocabulary: [] }), ctx());
    expect(empty.warnings).toEqual([expect.stringMatching(/vocabulary is empty/)]);
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `tag-${i}`, description: '' }));
    const big = await tagger().run(input({ vocabulary: many }), ctx());
    expect(big.warnings).toEqual([expect.stringMatching(/31 tags.*at most 30 per paper/)]);
    expect(chats()).toHaveLength(0);
  });

  it('returns what it has when cancelled', async () => {
    const abort = new AbortController();
    const c = ctx(abort.signal);
    c.onProgress = (p) => {
      if (p.done === 1) abort.abort();
    };
    const out = await tagger().run(input(), c);
    expect(out.proposals.map((p) => p.paperId)).toEqual(['p1']);
    expect(out.warnings).toEqual(['Cancelled after 1 of 3 papers.']);
  });
});
