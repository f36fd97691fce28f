// @vitest-environment jsdom
// Search view over a fake transport: debounced search:query with the chosen mode, relevance, "no
// close match", filters, <mark> highlights, keyboard navigation, out-of-order answers dropped, errors.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOptions } from '@shared/api/contract';
import type { SearchResult } from '@shared/api/schemas';
import { makePaper } from '../../testing/fakeApi';
import { MODE_KEY } from './SearchView';
import { SEARCH_DEBOUNCE_MS } from './useSearch';

import { hit, queries, renderSearch, result, sleep, STATUS } from './SearchView.fixtures';

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
