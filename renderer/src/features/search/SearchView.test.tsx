// @vitest-environment jsdom
// Search view over a fake transport: debounced search:query with the chosen mode, highlights as
// <mark>, keyboard navigation, out-of-order answers dropped, and "more like this" → search:similar.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOptions } from '../../../../shared/api/contract';
import type { Paper, SearchHit, SearchResult } from '../../../../shared/api/schemas';
import { DEFAULT_KINDS, type Annotation } from '../../../../shared/annotations/types';
import { ApiContext } from '../../apiContext';
import { fakeApi, makePaper, type FakeHandlers } from '../../testing/fakeApi';
import { PaperPane } from '../paper/PaperPane';
import { MODE_KEY, SearchView, type SimilarTo } from './SearchView';
import { SEARCH_DEBOUNCE_MS } from './useSearch';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

function hit(p: Paper, score: number, over: Partial<SearchHit> = {}): SearchHit {
  return {
    paper: p,
    score,
    vectorScore: 0.5,
    ftsScore: 3.2,
    highlights: { title: [], abstract: [] },
    ...over,
  };
}

function result(hits: SearchHit[], over: Partial<SearchResult> = {}): SearchResult {
  return { mode: 'hybrid', model: 'quire-glove-100d', hits, tookMs: 4.2, ...over };
}

const STATUS = {
  model: 'quire-glove-100d',
  dims: 100,
  embedded: 3,
  total: 3,
  missing: 0,
  searchModel: 'quire-glove-100d',
};

function renderSearch(handlers: FakeHandlers, similarTo: SimilarTo | null = null) {
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

const queries = (fake: ReturnType<typeof fakeApi>) =>
  fake.calls.filter((c) => c.method === 'search:query').map((c) => c.input);

describe('SearchView', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

  it('explains hybrid search when there is no query', () => {
    renderSearch({});
    expect(screen.getByTestId('search-empty').textContent).toMatch(/Hybrid.*Press \/ to search/s);
  });

  it('debounces typing into one search:query with the remembered mode', async () => {
    localStorage.setItem(MODE_KEY, 'fts');
    const papers = [makePaper(1), makePaper(2)];
    const { fake } = renderSearch({
      'search:query': () =>
        result(
          papers.map((p, i) => hit(p, 1 - i / 10)),
          { mode: 'fts' },
        ),
    });
    const input = screen.getByTestId('search-input');
    expect(screen.getByTestId('search-mode-fts').getAttribute('aria-checked')).toBe('true');
    fireEvent.change(input, { target: { value: 'm' } });
    fireEvent.change(input, { target: { value: 'mix' } });
    fireEvent.change(input, { target: { value: 'mixture ' } });
    expect(queries(fake)).toEqual([]);
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    await sleep(SEARCH_DEBOUNCE_MS + 50);
    expect(queries(fake)).toEqual([{ query: 'mixture', mode: 'fts', k: 30, filters: {} }]);
    expect(screen.getByTestId('search-status').textContent).toBe(
      '2 results · Keyword · quire-glove-100d · 4.2 ms',
    );

    // Switching the mode searches again and is remembered.
    fireEvent.click(screen.getByTestId('search-mode-vector'));
    await waitFor(() => expect(queries(fake)).toHaveLength(2));
    expect(queries(fake)[1]).toMatchObject({ query: 'mixture', mode: 'vector' });
    expect(localStorage.getItem(MODE_KEY)).toBe('vector');
  });

  it("shows each hit's estimated relevance in words and as a percentage", async () => {
    const papers = [makePaper(1), makePaper(2), makePaper(3)];
    renderSearch({
      'search:query': () =>
        result(
          [
            hit(papers[0]!, 0.9, { relevance: 0.93 }),
            hit(papers[1]!, 0.6, { relevance: 0.42 }),
            hit(papers[2]!, 0.5, { relevance: 0.08 }),
          ],
          { noCloseMatch: false },
        ),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'routing' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(3));
    const scores = screen.getAllByTestId('search-hit-score');
    expect(scores.map((s) => s.getAttribute('data-band'))).toEqual(['strong', 'possible', 'weak']);
    expect(scores[0]!.textContent).toMatch(/^Strong match 93%/);
    expect(scores[2]!.textContent).toMatch(/^Weak match 8%/);
    // One scale for every query: the bar is the probability, not a share of the top hit.
    const bar = (i: number) => scores[i]!.querySelector<HTMLElement>('.score-bar > span')!;
    expect(bar(0).style.width).toBe('93%');
    expect(bar(1).style.width).toBe('42%');
  });

  it('says "no close match", hides the weak hits, and shows them on request', async () => {
    const papers = [makePaper(1), makePaper(2)];
    const { opened } = renderSearch({
      'search:query': () =>
        result(
          [hit(papers[0]!, 0.4, { relevance: 0.06 }), hit(papers[1]!, 0.3, { relevance: 0.02 })],
          { noCloseMatch: true },
        ),
    });
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'medieval poetry' } });
    const none = await screen.findByTestId('search-no-close-match');
    expect(none.textContent).toMatch(/No close match for “medieval poetry”.*estimated 6%/s);
    expect(screen.queryAllByTestId('search-hit')).toHaveLength(0);
    expect(screen.getByTestId('search-view').getAttribute('data-state')).toBe('no-close-match');
    expect(screen.getByTestId('search-status').textContent).toMatch(
      /^No close match · 2 weak results/,
    );
    // Enter opens nothing while the weak hits are hidden.
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(opened).toEqual([]);

    fireEvent.click(screen.getByTestId('search-show-weak'));
    expect(screen.getAllByTestId('search-hit')).toHaveLength(2);
    expect(screen.getByTestId('search-weak-note').textContent).toMatch(/No close match/);
    expect(screen.queryByTestId('search-no-close-match')).toBeNull();
  });

  it('sends the tag and year filters', async () => {
    const { fake } = renderSearch({ 'search:query': () => result([]) });
    fireEvent.change(screen.getByTestId('search-tag'), { target: { value: 'moe' } });
    fireEvent.change(screen.getByTestId('search-year-from'), { target: { value: '2020' } });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'routing' } });
    await waitFor(() => expect(queries(fake)).toHaveLength(1));
    expect(queries(fake)[0]).toMatchObject({ filters: { tag: 'moe', yearFrom: 2020 } });
    expect((await screen.findByTestId('search-empty')).textContent).toMatch(
      /No papers match “routing” with these filters.*Semantic.*Keyword/s,
    );
  });

  it('renders highlights as <mark>, never as HTML', async () => {
    const p = makePaper(1, {
      title: 'Sparse <b>Mixture</b> of Experts',
      abstract: 'We route tokens to experts. Mixture models scale.',
    });
    renderSearch({
      'search:query': () =>
        result([
          hit(p, 1, {
            highlights: {
              title: [[10, 17]],
              abstract: [
                [28, 35],
                [19, 26],
              ],
            },
          }),
        ]),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'mixture experts' } });
    const title = await screen.findByTestId('search-hit-title');
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Mixture']);
    expect(title.textContent).toBe('Sparse <b>Mixture</b> of Experts');
    expect(title.querySelector('b')).toBeNull();
    const marks = [...screen.getByTestId('search-hit').querySelectorAll('.hit-abstract mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['experts', 'Mixture']);
  });

  it('highlights in a result title with the keyboard, keeping the search matches and painting existing highlights', async () => {
    const p = makePaper(1, { title: 'Sparse Mixture of Experts' });
    const existing: Annotation = {
      id: 'a1',
      paperId: 'p1',
      field: 'title',
      selectors: {
        quote: { exact: 'Experts', prefix: 'Sparse Mixture of ', suffix: '' },
        position: { start: 18, end: 25 },
      },
      kind: 'method',
      comment: '',
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
      paperTitle: p.title,
      anchor: { start: 18, end: 25, method: 'position' },
      orphaned: false,
    };
    const { fake } = renderSearch({
      'search:query': () => result([hit(p, 1, { highlights: { title: [[7, 14]], abstract: [] } })]),
      'annotations:kinds:get': () => [...DEFAULT_KINDS],
      'annotations:list': () => ({ total: 1, offset: 0, items: [existing] }),
      'annotations:add': () => existing,
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'mixture' } });
    const title = await screen.findByTestId('search-hit-title-text');
    // The search match is still marked; the paper's title highlight is painted.
    expect([...title.querySelectorAll('mark.search-match')].map((m) => m.textContent)).toEqual([
      'Mixture',
    ]);
    await waitFor(() =>
      expect(title.querySelector('mark.ann-hl[data-annotation-id="a1"]')?.textContent).toBe(
        'Experts',
      ),
    );
    title.focus();
    fireEvent.keyDown(title, { key: 'ArrowRight', shiftKey: true, ctrlKey: true });
    fireEvent.keyDown(title, { key: 'h' });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'annotations:add').map((c) => c.input)).toEqual([
        { paperId: 'p1', field: 'title', start: 0, end: 6, kind: 'claim', comment: '' },
      ]),
    );
  });

  it('highlights in a result abstract snippet, at the offsets of the whole abstract', async () => {
    const filler = 'Background sentence about other matters. '.repeat(20);
    const abstract = `${filler}Routing tokens to experts balances load across devices. ${filler}`;
    const at = abstract.indexOf('Routing');
    const p = makePaper(1, { title: 'Sparse Mixture of Experts', abstract });
    const { fake } = renderSearch({
      'search:query': () =>
        result([hit(p, 1, { highlights: { title: [], abstract: [[at, at + 7]] } })]),
      'annotations:kinds:get': () => [...DEFAULT_KINDS],
      'annotations:list': () => ({ total: 0, offset: 0, items: [] }),
      'annotations:add': (input): Annotation => ({
        id: 'a2',
        paperId: input.paperId,
        field: input.field ?? 'abstract',
        selectors: {
          quote: { exact: '', prefix: '', suffix: '' },
          position: { start: input.start ?? 0, end: input.end ?? 0 },
        },
        kind: input.kind ?? 'claim',
        comment: '',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z',
        paperTitle: p.title,
        anchor: null,
        orphaned: false,
      }),
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'routing' } });
    const snippet = await screen.findByTestId('search-hit-abstract-text');
    // A window of the abstract around the match, the match still marked.
    expect([...snippet.querySelectorAll('mark.search-match')].map((m) => m.textContent)).toEqual([
      'Routing',
    ]);
    const shown = snippet.textContent ?? '';
    expect(shown.length).toBeLessThan(abstract.length);
    snippet.focus();
    fireEvent.keyDown(snippet, { key: 'ArrowRight', shiftKey: true, ctrlKey: true });
    fireEvent.keyDown(snippet, { key: 'h' });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'annotations:add')).toHaveLength(1),
    );
    const input = fake.calls.find((c) => c.method === 'annotations:add')!.input as {
      field: string;
      start: number;
      end: number;
    };
    expect(input.field).toBe('abstract');
    expect(input.start).toBeGreaterThan(0);
    // The offsets point into the whole abstract at the word the reader selected in the snippet.
    expect(abstract.slice(input.start, input.end)).toBe(shown.split(' ')[0]);
  });

  it('moves with ↑/↓, opens with Enter, clears with Esc', async () => {
    const papers = [makePaper(1), makePaper(2), makePaper(3)];
    const { opened } = renderSearch({
      'search:query': () => result(papers.map((p, i) => hit(p, 1 - i / 10))),
    });
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'paper' } });
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(3));
    const selected = () =>
      screen
        .getAllByTestId('search-hit')
        .findIndex((h) => h.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(2);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toBe(1);
    expect(input.getAttribute('aria-activedescendant')).toBe('search-hit-1');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(opened).toEqual(['p2']);
    fireEvent.click(screen.getAllByTestId('search-hit')[2]!);
    expect(opened).toEqual(['p2', 'p3']);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(screen.queryAllByTestId('search-hit')).toHaveLength(0);
    expect(screen.getByTestId('search-empty')).toBeTruthy();
  });

  it('cancels the previous request and drops answers that arrive out of order', async () => {
    const signals: AbortSignal[] = [];
    const release: (() => void)[] = [];
    const { fake } = renderSearch({
      'search:query': (input, opts: CallOptions) =>
        new Promise<SearchResult>((ok) => {
          signals.push(opts.signal!);
          const answer = result([hit(makePaper(input.query === 'slow' ? 1 : 2), 1)]);
          release.push(() => ok(answer));
        }),
    });
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'slow' } });
    await waitFor(() => expect(queries(fake)).toHaveLength(1));
    fireEvent.change(input, { target: { value: 'fast' } });
    await waitFor(() => expect(queries(fake)).toHaveLength(2));
    expect(signals[0]!.aborted).toBe(true);
    await act(async () => release[1]!());
    await waitFor(() =>
      expect(screen.getByTestId('search-hit-title').textContent).toBe('Paper 0002'),
    );
    await act(async () => release[0]!());
    await sleep(20);
    expect(screen.getByTestId('search-hit-title').textContent).toBe('Paper 0002');
  });

  it('shows the service error and the fallback notice', async () => {
    let fail = true;
    renderSearch({
      'search:query': () => {
        if (fail) throw new Error('The search index is damaged.');
        return result([hit(makePaper(1), 1)], {
          mode: 'fts',
          notice: 'Semantic search is unavailable (no model); showing keyword matches.',
        });
      },
    });
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'a' } });
    expect((await screen.findByTestId('search-error')).textContent).toBe(
      'The search index is damaged.',
    );
    fail = false;
    fireEvent.change(input, { target: { value: 'ab' } });
    expect((await screen.findByTestId('search-notice')).textContent).toMatch(/unavailable/);
    expect(screen.queryByTestId('search-error')).toBeNull();
  });

  it('offers to embed the papers semantic search does not cover yet', async () => {
    let embedded = 40;
    const { fake } = renderSearch({
      'embeddings:status': () => ({ ...STATUS, embedded, total: 100, missing: 100 - embedded }),
      'embeddings:update': (_i, opts) => {
        opts.onProgress?.({ phase: 'embed', done: 30, total: 60 });
        embedded = 100;
        return { ...STATUS, embedded, total: 100, missing: 0 };
      },
    });
    const line = await screen.findByTestId('embeddings-status');
    expect(line.textContent).toMatch(/Semantic search covers 40 of 100 papers/);
    fireEvent.click(within(line).getByTestId('embeddings-run'));
    await waitFor(() => expect(screen.queryByTestId('embeddings-status')).toBeNull());
    expect(fake.calls.some((c) => c.method === 'embeddings:update')).toBe(true);
  });
});

/** The app's wiring in small: the pane's button switches the view to papers like that one. */
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
