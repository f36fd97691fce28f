// Test helper: an in-memory Transport answering from per-method handlers, recording every call.
import { createClient, type Api, type Transport } from '@shared/api/client';
import type { CallOptions, InputOf, MethodName, OutputOf } from '@shared/api/contract';
import { toErrorInfo } from '@shared/api/errors';
import type { Paper } from '@shared/api/schemas';

export type FakeHandlers = {
  [M in MethodName]?: (input: InputOf<M>, opts: CallOptions) => Promise<OutputOf<M>> | OutputOf<M>;
};

export type FakeApi = { api: Api; calls: { method: MethodName; input: unknown }[] };

export function fakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const transport: Transport = {
    async call(method, input, opts) {
      calls.push({ method, input });
      const handler = handlers[method] as
        ((i: unknown, o: CallOptions) => Promise<unknown> | unknown) | undefined;
      if (!handler)
        return { ok: false, error: { code: 'not_found', message: `No fake for ${method}` } };
      try {
        return { ok: true, value: structuredClone(await handler(input, opts)) };
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) };
      }
    },
  };
  return { api: createClient(transport), calls };
}

export function makePaper(i: number, over: Partial<Paper> = {}): Paper {
  return {
    id: `p${i}`,
    title: `Paper ${String(i).padStart(4, '0')}`,
    abstract: `Abstract of paper ${i}.`,
    authors: [`Author ${i}`],
    year: 2000 + (i % 25),
    venue: 'Venue',
    doi: '',
    arxivId: '',
    url: '',
    sourceFile: 'test.bib',
    addedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    updatedAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    notes: '',
    tags: [],
    volume: '',
    issue: '',
    edition: '',
    pages: '',
    ...over,
  };
}

/** jsdom lays nothing out: give elements a size so the virtualiser renders rows, and stub what cmdk needs. */
export function stubLayout(height = 600, width = 1000): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => height,
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => width,
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get: () => height,
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get: () => width,
  });
  HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
