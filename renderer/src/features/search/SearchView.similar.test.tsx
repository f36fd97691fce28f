// @vitest-environment jsdom
// Search view: "more like this" from the paper pane calls search:similar and goes back to the query.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '@shared/api/schemas';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper } from '../../testing/fakeApi';
import { PaperPane } from '../paper/PaperPane';
import { SearchView, type SimilarTo } from './SearchView';

import { hit, result, STATUS } from './SearchView.fixtures';

function MoreLikeThisHarness() {
  const [similar, setSimilar] = useState<SimilarTo | null>(null);
  return (
    <>
      <PaperPane
        id="p1"
        tagSuggestions={[]}
        onChanged={() => {}}
        onTagsChanged={() => {}}
        onDelete={() => {}}
        onClose={() => {}}
        onMoreLikeThis={(p) => setSimilar({ id: p.id, title: p.title })}
      />
      <SearchView
        active
        version={0}
        tags={[]}
        openId="p1"
        onOpen={() => {}}
        similarTo={similar}
        onExitSimilar={() => setSimilar(null)}
        onImport={() => {}}
        pane={null}
      />
    </>
  );
}

describe('More like this', () => {
  afterEach(cleanup);

  it('calls search:similar for the open paper and goes back to normal search', async () => {
    const source = makePaper(1, { title: 'Switch Transformers' });
    const fake = fakeApi({
      'library:get': () => source,
      'embeddings:status': () => STATUS,
      'search:similar': () =>
        result([hit(makePaper(7), 0.91, { ftsScore: null }), hit(makePaper(8), 0.88)], {
          mode: 'vector',
        }),
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <MoreLikeThisHarness />
      </ApiContext.Provider>,
    );
    fireEvent.click(await screen.findByTestId('more-like-this'));
    expect((await screen.findByTestId('similar-head')).textContent).toMatch(
      /Papers like Switch Transformers/,
    );
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    expect(fake.calls.find((c) => c.method === 'search:similar')?.input).toEqual({
      id: 'p1',
      k: 30,
      filters: {},
    });
    expect(screen.getByTestId('search-status').textContent).toMatch(/^2 similar papers/);
    fireEvent.click(screen.getByTestId('similar-back'));
    expect(screen.queryByTestId('similar-head')).toBeNull();
    expect(screen.getByTestId('search-empty')).toBeTruthy();
  });

  it('does not label the previous results as similar papers while the answer is pending', async () => {
    const source = makePaper(1, { title: 'Switch Transformers' });
    let release: (r: SearchResult) => void = () => {};
    const fake = fakeApi({
      'library:get': () => source,
      'embeddings:status': () => STATUS,
      'search:query': () =>
        result([hit(makePaper(5), 0.9), hit(makePaper(6), 0.8), hit(makePaper(7), 0.7)]),
      'search:similar': () => new Promise<SearchResult>((resolve) => (release = resolve)),
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <MoreLikeThisHarness />
      </ApiContext.Provider>,
    );
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'sparse experts' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(3));
    fireEvent.click(await screen.findByTestId('more-like-this'));
    await screen.findByTestId('similar-head');
    expect(screen.getByTestId('search-status').textContent).toMatch(/^Searching/);
    await act(async () => release(result([hit(makePaper(8), 0.88)], { mode: 'vector' })));
    await waitFor(() =>
      expect(screen.getByTestId('search-status').textContent).toMatch(/^1 similar paper /),
    );
  });
});
