// Graph errors carry their code from where they are thrown (the engine, the compute worker, a
// limit) to the caller: nothing is classified by the text of its message.
import { describe, expect, it } from 'vitest';
import { QuireError, toErrorInfo } from '@shared/api/errors';
import { graphMethods } from '@shared/api/graph-contract';
import { GraphError } from '@shared/graph/errors';
import { createGraphCompute } from './compute';
import { createGraphHandlers } from './handlers';

const ctx = () => ({ signal: new AbortController().signal, onProgress: () => {} });
/** Watts–Strogatz needs an even k: an input the engine refuses. */
const badInput = () =>
  graphMethods['graph:metrics'].input.parse({
    graph: { kind: 'watts-strogatz', n: 10, k: 3, p: 0.1 },
  });
const caught = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('graph error codes', () => {
  it('the engine throws a GraphError with the code invalid_input', async () => {
    const err = await caught(createGraphHandlers()['graph:metrics'](badInput(), ctx()));
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^graph: /),
    });
  });

  it('an engine error keeps its code across the compute worker', async () => {
    const compute = createGraphCompute({ timeoutMs: 10 * 60_000, memoryMb: 512 });
    const err = await caught(compute('graph:metrics', badInput(), ctx()));
    expect(err).toBeInstanceOf(QuireError);
    expect(err).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^graph: /),
    });
  }, 120_000);

  it('a limit of the compute worker ends the call with a coded error', async () => {
    // 1 ms: the worker cannot even start in that time, so the time limit always fires.
    const compute = createGraphCompute({ timeoutMs: 1, memoryMb: 512 });
    const input = graphMethods['graph:metrics'].input.parse({ graph: { kind: 'karate' } });
    const err = await caught(compute('graph:metrics', input, ctx()));
    expect(err).toBeInstanceOf(QuireError);
    expect(err).toMatchObject({ code: 'invalid_input' });
    expect((err as Error).message).toMatch(/^graph: stopped after 0 s, the time limit/);
  }, 120_000);

  it('an error that merely starts with "graph:" is not taken for an input error', async () => {
    // A bug in a host's compute must surface as `internal`, whatever its text says.
    const h = createGraphHandlers({
      compute: () => Promise.reject(new Error('graph: a bug that looks like an engine error')),
    });
    const err = await caught(h['graph:metrics'](badInput(), ctx()));
    expect(toErrorInfo(err).code).toBe('internal');
  });
});
