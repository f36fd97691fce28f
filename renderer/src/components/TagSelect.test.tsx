// @vitest-environment jsdom
// The tag filter offers "suggested: X" for tags with pending suggestions; choosing it sends the
// `suggestedTag` filter (not `tag`) from the Library and from Search.
import {
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiContext } from '../apiContext';
import { LibraryView } from '../features/library/LibraryView';
import { SearchView } from '../features/search/SearchView';
import { fakeApi, makePaper, stubLayout } from '../testing/fakeApi';
import { clusterValue, liveTagValue, parseTagFilter, suggestedValue } from './TagSelect';

// Two shared cores under load: give async UI updates room (the default is 1 s).
configure({ asyncUtilTimeout: 10_000 });

const TAGS = [{ tag: 'robotics', count: 3 }];
const SUGGESTED = [
  { tag: 'robotics', count: 5 },
  { tag: 'scaling-laws', count: 2 },
];

describe('TagSelect with suggested tags', () => {
  beforeAll(() => stubLayout());
  afterEach(cleanup);

  it('keeps a tag and a suggested tag of the same name apart', () => {
    expect(parseTagFilter('robotics')).toEqual({ tag: 'robotics' });
    expect(parseTagFilter(suggestedValue('robotics'))).toEqual({ suggestedTag: 'robotics' });
    expect(parseTagFilter('')).toEqual({});
  });

  it('a map cluster becomes the cluster filter, and is dropped once the map no longer has it', () => {
    expect(parseTagFilter(clusterValue('c3'))).toEqual({ cluster: 'c3' });
    const clusters = [{ id: 'c3', label: 'graphs', size: 4 }];
    expect(liveTagValue(clusterValue('c3'), TAGS, [], clusters)).toBe(clusterValue('c3'));
    expect(liveTagValue(clusterValue('c9'), TAGS, [], clusters)).toBe('');
  });

  it('Library: "suggested: X" lists papers with a pending suggestion of X', async () => {
    const fake = fakeApi({
      'library:list': (input) => ({ total: 1, offset: input.offset ?? 0, items: [makePaper(1)] }),
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <LibraryView
          version={0}
          tags={TAGS}
          suggestedTags={SUGGESTED}
          selectedId={null}
          onSelect={() => {}}
          onOpen={() => {}}
          onDelete={() => {}}
          onImport={() => {}}
          onExport={() => {}}
          pane={null}
        />
      </ApiContext.Provider>,
    );
    const select = screen.getByTestId('tag-filter') as HTMLSelectElement;
    const labels = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toEqual([
      'All tags',
      'robotics (3)',
      'suggested: robotics (5 pending)',
      'suggested: scaling-laws (2 pending)',
    ]);
    fireEvent.change(select, { target: { value: suggestedValue('scaling-laws') } });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'library:list').at(-1)?.input).toMatchObject({
        suggestedTag: 'scaling-laws',
      }),
    );
    const last = fake.calls.filter((c) => c.method === 'library:list').at(-1)?.input;
    expect(last).not.toHaveProperty('tag');
  });

  it('Search: "suggested: X" becomes filters.suggestedTag', async () => {
    const fake = fakeApi({
      'embeddings:status': () => ({
        model: 'm',
        dims: 3,
        embedded: 1,
        total: 1,
        missing: 0,
        searchModel: 'm',
        busy: null,
      }),
      'search:query': () => ({ mode: 'hybrid', model: 'm', hits: [], tookMs: 1 }),
    });
    render(
      <ApiContext.Provider value={fake.api}>
        <SearchView
          active
          version={0}
          tags={TAGS}
          suggestedTags={SUGGESTED}
          openId={null}
          onOpen={() => {}}
          similarTo={null}
          onExitSimilar={() => {}}
          onImport={() => {}}
          pane={null}
        />
      </ApiContext.Provider>,
    );
    fireEvent.change(screen.getByTestId('search-tag'), {
      target: { value: suggestedValue('robotics') },
    });
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'grasping' } });
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'search:query').at(-1)?.input).toMatchObject({
        filters: { suggestedTag: 'robotics' },
      }),
    );
  });
});
