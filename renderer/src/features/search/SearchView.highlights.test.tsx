// @vitest-environment jsdom
// Search view: highlighting a passage in a result's title or abstract snippet with the keyboard.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KINDS, type Annotation } from '@shared/annotations/types';
import { makePaper } from '../../testing/fakeApi';

import { hit, renderSearch, result } from './SearchView.fixtures';

describe('SearchView highlights', () => {
  beforeEach(() => localStorage.clear());
  afterEach(cleanup);

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
});
