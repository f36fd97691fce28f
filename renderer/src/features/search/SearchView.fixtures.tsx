// Fixtures for the Search view tests: hits and results, the embeddings status, and the view
// rendered over a fake transport that records its calls.
import { render } from '@testing-library/react';
import type { EmbeddingStatus, Paper, SearchHit, SearchResult } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, type FakeHandlers } from '../../testing/fakeApi';
import { SearchView, type SimilarTo } from './SearchView';

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function hit(p: Paper, score: number, over: Partial<SearchHit> = {}): SearchHit {
  return {
    paper: p,
    score,
    vectorScore: 0.5,
    ftsScore: 3.2,
    highlights: { title: [], abstract: [] },
    ...over,
  };
}

export function result(hits: SearchHit[], over: Partial<SearchResult> = {}): SearchResult {
  return { mode: 'hybrid', model: 'quire-glove-100d', hits, tookMs: 4.2, ...over };
}

export const STATUS: EmbeddingStatus = {
  model: 'quire-glove-100d',
  dims: 100,
  embedded: 3,
  total: 3,
  missing: 0,
  searchModel: 'quire-glove-100d',
  busy: null,
};

export function renderSearch(handlers: FakeHandlers, similarTo: SimilarTo | null = null) {
  const fake = fakeApi({ 'embeddings:status': () => STATUS, ...handlers });
  const opened: string[] = [];
  const exits: number[] = [];
  render(
    <ApiContext.Provider value={fake.api}>
      <SearchView
        active
        version={0}
        tags={[{ tag: 'moe', count: 2 }]}
        openId={null}
        onOpen={(id) => opened.push(id)}
        similarTo={similarTo}
        onExitSimilar={() => exits.push(1)}
        onImport={() => {}}
        pane={null}
      />
    </ApiContext.Provider>,
  );
  return { fake, opened, exits };
}

export const queries = (fake: ReturnType<typeof fakeApi>) =>
  fake.calls.filter((c) => c.method === 'search:query').map((c) => c.input);
